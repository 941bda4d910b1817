import { createHash } from 'node:crypto';

/**
 * The mark that says "this user has answered this anonymous questionnaire" without naming them: a hash of the
 * questionnaire and the user. It is stored apart from the answers (questionnaire_answer_marks: no time, no
 * serial id, no response id), so it can tell that someone answered — as a used invitation does — but never
 * which answer is theirs.
 */
export function markOf(questionnaireId: number, userId: number): string {
  return createHash('sha256').update(`mosaico:questionnaire-mark:${questionnaireId}:${userId}`).digest('hex');
}
