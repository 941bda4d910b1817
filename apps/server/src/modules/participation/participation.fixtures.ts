import type { EventKind } from '@mosaico/contracts/participation';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { eventAttendance, eventRegistrations, events, eventSessions } from '../events/events.schema.ts';
import { questionnaireInvitations, questionnaireResponses, questionnaires } from '../questionnaires/questionnaires.schema.ts';

// Rows of the shared participation tables written directly, standing for what the events and questionnaires
// modules record, so the figures computed from them can be checked.

export async function makeEvent(
  t: TestApp,
  o: { kind?: EventKind; councilId?: number | null; regionId: number; status?: 'draft' | 'published' | 'cancelled'; workingGroupId?: number | null; title?: string },
) {
  const [e] = await t.database.db
    .insert(events)
    .values({
      kind: o.kind ?? 'course',
      title: o.title ?? 'Corso di prova',
      scopeType: o.councilId ? 'council' : 'region',
      regionId: o.regionId,
      councilId: o.councilId ?? null,
      regionIds: [o.regionId],
      status: o.status ?? 'published',
      organizerName: 'Prefettura',
      workingGroupId: o.workingGroupId ?? null,
    })
    .returning();
  return e.id;
}

/** A session starting at `start` (ISO date-time) lasting `hours`. */
export async function addSession(t: TestApp, eventId: number, start: string, hours: number) {
  const startsAt = new Date(start);
  const [s] = await t.database.db
    .insert(eventSessions)
    .values({ eventId, startsAt, endsAt: new Date(startsAt.getTime() + hours * 3600_000) })
    .returning();
  return s.id;
}

export async function register(t: TestApp, eventId: number, o: { organizationId?: number; userId?: number; email?: string; fullName?: string }) {
  const [r] = await t.database.db
    .insert(eventRegistrations)
    .values({ eventId, organizationId: o.organizationId ?? null, userId: o.userId ?? null, email: o.email ?? null, fullName: o.fullName ?? null, consentAt: new Date() })
    .returning();
  return r.id;
}

export async function attend(t: TestApp, sessionId: number, registrationId: number, present = true) {
  await t.database.db.insert(eventAttendance).values({ sessionId, registrationId, present });
}

export async function makeQuestionnaire(t: TestApp, o: { councilId?: number | null; regionId?: number | null; anonymous?: boolean }) {
  const [q] = await t.database.db
    .insert(questionnaires)
    .values({ title: 'Questionario di gradimento', councilId: o.councilId ?? null, regionId: o.regionId ?? null, definition: {}, anonymous: o.anonymous ?? false, status: 'open' })
    .returning();
  return q.id;
}

let tokens = 0;
export async function invite(t: TestApp, questionnaireId: number, o: { organizationId?: number; sentAt: string; answeredAt?: string }) {
  const [i] = await t.database.db
    .insert(questionnaireInvitations)
    .values({
      questionnaireId,
      tokenHash: `hash-${++tokens}-${Math.random()}`,
      organizationId: o.organizationId ?? null,
      sentAt: new Date(o.sentAt),
      answeredAt: o.answeredAt ? new Date(o.answeredAt) : null,
    })
    .returning();
  return i.id;
}

export async function respond(t: TestApp, questionnaireId: number, o: { organizationId?: number | null; submittedAt: string }) {
  await t.database.db.insert(questionnaireResponses).values({ questionnaireId, organizationId: o.organizationId ?? null, values: {}, submittedAt: new Date(o.submittedAt) });
}
