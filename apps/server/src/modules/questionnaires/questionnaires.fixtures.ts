import { count, desc, eq, like } from 'drizzle-orm';
import { outbox } from '../../platform/mail/mail.schema.ts';
import type { Client, TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { eventRegistrations, events } from '../events/events.schema.ts';
import { questionnaireAnswerMarks } from './questionnaire-marks.schema.ts';
import { questionnaireInvitations, questionnaireResponses, questionnaires } from './questionnaires.schema.ts';

export const api = '/api/v1/questionnaires';

/** A complete, valid answer to the default feedback questionnaire. */
export const GOOD_ANSWER = {
  voto_complessivo: 4,
  utilita: 'molto',
  ascoltata: 'in_parte',
  perche_non_ascoltata: 'Più tempo per le domande.',
  parteciperebbe_ancora: 'yes',
  cosa_ha_funzionato: 'La traduzione simultanea.',
  temi_futuri: ['lavoro', 'casa'],
};

/** An event as the events module stores it (written directly: these tests are about questionnaires). */
export async function makeEvent(t: TestApp, over: Partial<typeof events.$inferInsert> = {}) {
  const [e] = await t.database.db
    .insert(events)
    .values({ kind: 'stakeholder_meeting', title: 'Incontro con le associazioni', scopeType: 'council', organizerName: 'Prefettura', status: 'published', ...over })
    .returning();
  return e;
}

export async function registerToEvent(t: TestApp, eventId: number, people: { fullName: string; email: string; status?: 'registered' | 'waiting' | 'cancelled'; erased?: boolean }[]) {
  for (const p of people) {
    await t.database.db.insert(eventRegistrations).values({
      eventId,
      fullName: p.erased ? null : p.fullName,
      email: p.erased ? null : p.email,
      status: p.status ?? 'registered',
      consentAt: new Date(),
      erasedAt: p.erased ? new Date() : null,
    });
  }
}

/** Creates a questionnaire from the default and opens it; returns the opened questionnaire. */
export async function openDefault(who: Client, scope: { scopeType: string; scopeId?: number }, over: Record<string, unknown> = {}) {
  const created = await who.post(api, { template: 'feedback-default', ...scope, ...over });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const q = created.json();
  const opened = await who.patch(`${api}/${q.id}`, { version: q.version, status: 'open' });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return opened.json();
}

/** The answer link's token in the newest message to an address. */
export async function tokenFor(t: TestApp, email: string): Promise<string> {
  const [m] = await t.database.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.id)).limit(1);
  const token = /\/questionari\/rispondi\/([A-Za-z0-9_-]+)/.exec(m?.body ?? '')?.[1];
  if (!token) throw new Error(`no link for ${email}`);
  return token;
}

/** Row counts of what this module writes, to show a refused request changed nothing. */
export async function countRows(t: TestApp) {
  const db = t.database.db;
  const [q] = await db.select({ n: count() }).from(questionnaires);
  const [i] = await db.select({ n: count() }).from(questionnaireInvitations);
  const [r] = await db.select({ n: count() }).from(questionnaireResponses);
  const [m] = await db.select({ n: count() }).from(questionnaireAnswerMarks);
  const [o] = await db.select({ n: count() }).from(outbox).where(like(outbox.subject, 'Questionario:%'));
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { questionnaires: q.n, invitations: i.n, responses: r.n, marks: m.n, mails: o.n, audit: a.n };
}
