import { and, asc, eq, inArray } from 'drizzle-orm';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../platform/jobs/job-runner.ts';
import { outbox } from '../../platform/mail/mail.schema.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councilIdOf, createTestOrganization, createTestUser, type People, type Person, seedPeople, signInAs, systemCtx } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { deadlineReminders } from './campaigns.jobs.ts';
import { submissions } from './campaigns.schema.ts';
import { campaignReminders } from './reminders.schema.ts';
import { dueOffset, OVERDUE, sendDeadlineReminders } from './reminders.service.ts';

let t: TestApp;
let p: People;
let other: Person;
let torino: Person;
let campaignId: number;
let oldCampaignId: number;
let mi: number;
let na: number;
let bg: number;
const OFFSETS = [14, 7, 1];
const council = 'Consiglio Territoriale per l’Immigrazione di';

/** Midday in Rome (UTC+1 in March before the 29th, UTC+2 after): the same calendar day either way. */
const on = (day: string) => new Date(`${day}T11:00:00Z`);
const run = (now: Date) => sendDeadlineReminders(systemCtx(t), { now, offsets: OFFSETS });
const remindersOf = (id: number) => t.database.db.select().from(campaignReminders).where(eq(campaignReminders.submissionId, id)).orderBy(asc(campaignReminders.id));
const mailTo = (email: string) => t.database.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.id));
const setStatus = (ids: number[], status: 'draft' | 'submitted' | 'returned' | 'approved' | 'locked') =>
  t.database.db.update(submissions).set({ status }).where(inArray(submissions.id, ids));

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const admin = await signInAs(t, p.admin);
  const milano = await signInAs(t, p.milano);
  const otherOrg = await createTestOrganization(t, 'CTI-MI', 'Comune di Milano');
  other = await createTestUser(t, { name: 'Olga Altro', roles: [{ role: 'data_provider', scopeType: 'organization', scopeId: otherOrg }] });
  torino = await createTestUser(t, { name: 'Teo Torino', roles: [{ role: 'council_referent', scopeType: 'council', scopeId: await councilIdOf(t, 'CTI-TO') }] });
  const formId = await defaultFormId(t, admin);
  const bergamo = await councilIdOf(t, 'CTI-BG');
  // Deadline 31 March 2026.
  const campaign = await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli, bergamo]);
  campaignId = campaign.id;
  mi = campaign.submissionOf.get(p.ids.councilMilano) as number;
  na = campaign.submissionOf.get(p.ids.councilNapoli) as number;
  bg = campaign.submissionOf.get(bergamo) as number;
  // Last year's campaign, deadline 31 March 2025: long closed.
  oldCampaignId = (await openCampaign(admin, formId, [p.ids.councilMilano], 2024)).id;
  // Milano: reception to the ATS (left empty), associations to the municipality (filled in completely).
  for (const [section, org] of [
    ['acc', p.ids.orgMilano],
    ['ass', otherOrg],
  ] as const) {
    expect((await milano.put(`/api/v1/submissions/${mi}/sections/${section}/assignment`, { organizationId: org })).statusCode).toBe(200);
  }
  const associations = { ass_conosciute: 40, ass_coinvolte: 12, ass_modalita: ['plenaria'], ass_membri: 300, ass_incontri: 0, ass_questionario: 'no', ass_consulta: 'no' };
  const saved = (await milano.put(`/api/v1/submissions/${mi}/values`, { values: associations })).json();
  expect(saved.completeness.bySection.ass.filled).toBe(saved.completeness.bySection.ass.expected);
  expect(saved.completeness.bySection.acc.filled).toBe(0);
});
afterAll(() => t.close());

describe('which reminder is due', () => {
  it.each([
    [20, null],
    [15, null],
    [14, 14],
    [10, 14],
    [8, 14],
    [7, 7],
    [2, 7],
    [1, 1],
    [0, 1],
    [-1, OVERDUE],
    [-30, OVERDUE],
    [-31, null],
  ])('%i days before the deadline: %s', (daysLeft, offset) => {
    expect(dueOffset(daysLeft, OFFSETS)).toBe(offset);
  });
});

describe('deadline reminders', () => {
  it('sends nothing fifteen days before the deadline', async () => {
    expect(await run(on('2026-03-16'))).toEqual({ day: '2026-03-16', reminders: 0, mails: 0 });
  });

  it('fourteen days before (Italian calendar), e-mails the referents and the providers with an incomplete section of each draft', async () => {
    // 23:30 UTC on the 16th is already the 17th in Rome.
    const result = await run(new Date('2026-03-16T23:30:00Z'));
    expect(result).toEqual({ day: '2026-03-17', reminders: 3, mails: 3 });
    const [milanoReminder] = await remindersOf(mi);
    expect(milanoReminder).toMatchObject({ campaignId, offsetDays: 14, daysLeft: 14, deadline: '2026-03-31', status: 'draft' });
    expect(milanoReminder.recipients.sort()).toEqual([p.dataProvider.email, p.milano.email].sort());
    // Bergamo has no referent: the reminder is recorded with nobody to tell.
    expect((await remindersOf(bg))[0].recipients).toEqual([]);
    expect((await remindersOf(na))[0].recipients).toEqual([p.napoli.email]);

    const [toReferent] = await mailTo(p.milano.email);
    expect(toReferent.subject).toBe(`Promemoria: scheda di monitoraggio 2025 – ${council} Milano, scade tra 14 giorni (31/03/2026)`);
    expect(toReferent.body).toContain(`la scheda di monitoraggio 2025 del ${council} Milano (campagna «`);
    expect(toReferent.body).toContain('è ancora in compilazione e non è stata inviata');
    expect(toReferent.body).toContain('Scadenza: 31/03/2026 (tra 14 giorni).');
    expect(toReferent.body).toMatch(/Completamento: \d+ voci su \d+ \(\d+%\)\./);
    expect(toReferent.body).toMatch(/Sezioni ancora incomplete:\n- /);
    expect(toReferent.body).toContain(`/compilazioni/${mi}`);
    const [toProvider] = await mailTo(p.dataProvider.email);
    expect(toProvider.subject).toBe(toReferent.subject);
    expect(toProvider.body).toContain('Sezioni assegnate al tuo ente ancora incomplete:');
    // Only the provider's own section: one line, reception.
    expect(toProvider.body.split('\n').filter((l) => l.startsWith('- '))).toEqual([expect.stringMatching(/^- 2\. Accoglienza: 0 voci su \d+$/)]);
    expect(toProvider.body).toContain(`/compilazioni/${mi}`);

    // Nobody else: the provider whose section is complete, the tutor, the coordinator, other councils' referents.
    for (const person of [other, p.tutor, p.coordinator, p.admin, torino]) expect(await mailTo(person.email)).toEqual([]);
    const napoli = await mailTo(p.napoli.email);
    expect(napoli).toHaveLength(1);
    expect(napoli[0].subject).toContain(`${council} Napoli`);
    expect(napoli[0].body).not.toContain('Milano');

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'send_reminders'), eq(auditLog.entityId, String(campaignId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'campaign', actorEmail: 'cli' });
    expect((audit[0].after as { reminders: { council: string; offsetDays: number; recipients: number }[] }).reminders).toEqual([
      { submissionId: mi, council: 'CTI-MI', offsetDays: 14, recipients: 2 },
      { submissionId: na, council: 'CTI-NA', offsetDays: 14, recipients: 1 },
      { submissionId: bg, council: 'CTI-BG', offsetDays: 14, recipients: 0 },
    ]);
  });

  it('sends nothing more when it runs again that day or on the days after', async () => {
    const mails = (await t.database.db.select().from(outbox)).length;
    expect(await run(on('2026-03-17'))).toMatchObject({ reminders: 0, mails: 0 });
    expect(await run(on('2026-03-20'))).toMatchObject({ reminders: 0, mails: 0 });
    expect((await t.database.db.select().from(outbox)).length).toBe(mails);
  });

  it('seven days before, reminds a returned submission but not one submitted, approved or locked, even with two runs at once', async () => {
    await setStatus([mi], 'submitted');
    await setStatus([na], 'returned');
    await setStatus([bg], 'approved');
    const [a, b] = await Promise.all([run(on('2026-03-24')), run(on('2026-03-24'))]);
    expect(a.reminders + b.reminders).toBe(1);
    expect((await remindersOf(na)).map((r) => [r.offsetDays, r.status])).toEqual([
      [14, 'draft'],
      [7, 'returned'],
    ]);
    const napoli = await mailTo(p.napoli.email);
    expect(napoli).toHaveLength(2);
    expect(napoli[1].body).toContain('è stata restituita per correzioni e non è stata ancora inviata di nuovo');
    expect((await remindersOf(mi)).map((r) => r.offsetDays)).toEqual([14]);
    expect((await remindersOf(bg)).map((r) => r.offsetDays)).toEqual([14]);
    await setStatus([mi, bg], 'locked');
    expect(await run(on('2026-03-25'))).toMatchObject({ reminders: 0 });
  });

  it('runs as the daily job on its clock, with the configured offsets', async () => {
    // The day before the deadline: only Napoli, returned, is still to send.
    const clock = new TestClock('2026-03-30T06:00:00Z');
    const ctx = systemCtx(t);
    const runner = createJobRunner({ database: t.database, config: ctx.config, mailer: ctx.mailer, definitions: [deadlineReminders], worker: false, clock });
    await runner.start();
    try {
      const id = await runner.enqueue(deadlineReminders, {});
      expect((await runner.drain()).map((r) => r.ok)).toEqual([true]);
      expect((await runner.boss.findJobs(deadlineReminders.name, { id: id as string }))[0].output).toEqual({ day: '2026-03-30', reminders: 1, mails: 1 });
    } finally {
      await runner.stop();
    }
    expect((await remindersOf(na)).map((r) => [r.offsetDays, r.daysLeft])).toEqual([
      [14, 14],
      [7, 7],
      [1, 1],
    ]);
    expect((await mailTo(p.napoli.email)).at(-1)?.subject).toContain('scade domani (31/03/2026)');
  });

  it('for a submission back in draft after missing reminders, sends only the latest one due, once', async () => {
    // Milano, sent and locked through the seven-day and one-day reminders, is reopened on the deadline day.
    await setStatus([mi], 'draft');
    expect(await run(on('2026-03-31'))).toMatchObject({ day: '2026-03-31', reminders: 1 });
    expect((await remindersOf(mi)).map((r) => [r.offsetDays, r.daysLeft])).toEqual([
      [14, 14],
      [1, 0],
    ]);
    expect((await remindersOf(na)).map((r) => r.offsetDays)).toEqual([14, 7, 1]);
    const latest = (await mailTo(p.milano.email)).at(-1);
    expect(latest?.subject).toBe(`Promemoria: scheda di monitoraggio 2025 – ${council} Milano, scade oggi (31/03/2026)`);
    expect(await run(on('2026-03-31'))).toMatchObject({ reminders: 0 });
  });

  it('after the deadline, sends one overdue reminder, even when the job runs days late, and then stops', async () => {
    expect(await run(on('2026-04-03'))).toMatchObject({ reminders: 2 });
    const [overdue] = (await remindersOf(mi)).filter((r) => r.offsetDays === OVERDUE);
    expect(overdue).toMatchObject({ daysLeft: -3, status: 'draft' });
    const latest = (await mailTo(p.milano.email)).at(-1);
    expect(latest?.subject).toBe(`Sollecito: scheda di monitoraggio 2025 – ${council} Milano, scaduta il 31/03/2026`);
    expect(latest?.body).toContain('Scadenza: 31/03/2026, già passata.');
    expect(await run(on('2026-04-04'))).toMatchObject({ reminders: 0 });
    expect(await run(on('2026-04-20'))).toMatchObject({ reminders: 0 });
    // Last year's campaign, closed for a year, was never chased.
    expect(await t.database.db.select().from(campaignReminders).where(eq(campaignReminders.campaignId, oldCampaignId))).toEqual([]);
  });
});
