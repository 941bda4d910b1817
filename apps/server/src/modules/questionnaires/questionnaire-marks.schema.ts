import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { questionnaires } from './questionnaires.schema.ts';

/**
 * Who has already answered an anonymous questionnaire signed in, kept apart from the answers: a keyed hash of
 * the user (see answer-marks.ts), with no time, no serial id and no link to a response, so that the rule "one
 * answer per person" holds without any row saying which answer is whose.
 */
export const questionnaireAnswerMarks = pgTable(
  'questionnaire_answer_marks',
  {
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    mark: text('mark').notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionnaireId, t.mark] })],
);
