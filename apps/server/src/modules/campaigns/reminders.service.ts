import type { SubmissionStatus } from '@mosaico/contracts/campaigns';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { and, asc, between, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authorize } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { defaultBaseUrl, listRoleHolderEmails } from '../users/users.service.ts';
import { overviewVisibility } from './campaign-overview.policy.ts';
import { campaigns, submissions } from './campaigns.schema.ts';
import { getCampaign } from './campaigns.service.ts';
import { type Mail, type OpenSection, providerMail, type ReminderFacts, referentMail } from './reminder-mails.ts';
import { campaignReminders } from './reminders.schema.ts';
import { loadSubmission, readValues } from './submission-loader.ts';
import { italianDay } from '../../platform/italian-time.ts';

/** Only submissions the council still has to send are reminded. */
const REMINDED: readonly SubmissionStatus[] = ['draft', 'returned'];
/** The offset of the reminder sent the day after the deadline. */
export const OVERDUE = -1;
/** A deadline passed longer ago than this closes the campaign for reminders: a late job does not chase last year's form. */
const CLOSED_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;


const shiftDay = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
function groupBy<T, K>(list: T[], key: (t: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const t of list) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return groups;
}
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The reminder due with `daysLeft` days to the deadline: the nearest offset already reached (so a job that
 * missed a day still sends it, and one that missed a whole stage sends only the latest), OVERDUE once the
 * deadline has passed, or null before the first offset and after the campaign closed.
 */
export function dueOffset(daysLeft: number, offsets: readonly number[]): number | null {
  if (daysLeft < 0) return daysLeft >= -CLOSED_AFTER_DAYS ? OVERDUE : null;
  const reached = offsets.filter((o) => daysLeft <= o);
  return reached.length ? Math.min(...reached) : null;
}

interface Due {
  submissionId: number;
  campaignId: number;
  deadline: string;
  daysLeft: number;
  offsetDays: number;
}

/**
 * Sends the deadline reminders due at `now`: each submission still in draft or returned whose deadline is one
 * of `offsets` days away (or passed the day before) gets, once per offset and ever, an e-mail to its council's
 * referents and to the data providers of organisations with an assigned section still incomplete. A run that
 * comes late sends what it missed once; a second run sends nothing. The daily job calls it, as the system.
 */
export async function sendDeadlineReminders(ctx: Ctx, opts: { now: Date; offsets: readonly number[] }) {
  authorize(ctx.actor, ['national_admin'], {});
  const today = italianDay(opts.now);
  const due = await findDue(ctx, today, opts.offsets);
  let reminders = 0;
  let mails = 0;
  for (const [campaignId, list] of groupBy(due, (d) => d.campaignId)) {
    // Reading values and evaluating the form happen before the transaction, which then only writes.
    const planned: Planned[] = [];
    for (const d of list) planned.push(await planReminder(ctx, d));
    const sent = await ctx.db.transaction(async (tx) => {
      const done: { submissionId: number; council: string; offsetDays: number; recipients: number }[] = [];
      for (const p of planned) {
        // The status may have moved since it was read: a submission sent meanwhile is not reminded.
        const [current] = await tx.select({ status: submissions.status }).from(submissions).where(eq(submissions.id, p.due.submissionId)).for('update');
        if (!current || !REMINDED.includes(current.status)) continue;
        const [row] = await tx
          .insert(campaignReminders)
          .values({
            campaignId,
            submissionId: p.due.submissionId,
            offsetDays: p.due.offsetDays,
            deadline: p.due.deadline,
            daysLeft: p.due.daysLeft,
            status: current.status,
            filled: p.facts.overall.filled,
            expected: p.facts.overall.expected,
            recipients: p.mails.map((m) => m.to),
            sentAt: opts.now,
          })
          .onConflictDoNothing()
          .returning({ id: campaignReminders.id });
        // Another run got there first: its reminder stands, and this one sends nothing.
        if (!row) continue;
        for (const m of p.mails) await ctx.mailer.queue(tx, m);
        done.push({ submissionId: p.due.submissionId, council: p.councilCode, offsetDays: p.due.offsetDays, recipients: p.mails.length });
      }
      if (done.length) {
        await recordAudit(tx, ctx, { action: 'send_reminders', entityType: 'campaign', entityId: campaignId, after: { day: today, reminders: done } });
      }
      return done;
    });
    reminders += sent.length;
    mails += sent.reduce((n, s) => n + s.recipients, 0);
  }
  if (mails) await ctx.mailer.deliverPending(ctx.db);
  return { day: today, reminders, mails };
}

/** Submissions still to send, in campaigns not closed, with the reminder due today and not sent yet. */
async function findDue(ctx: Ctx, today: string, offsets: readonly number[]): Promise<Due[]> {
  const candidates = await ctx.db
    .select({ submissionId: submissions.id, campaignId: campaigns.id, deadline: campaigns.deadline })
    .from(submissions)
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    .where(
      and(
        inArray(submissions.status, [...REMINDED]),
        between(campaigns.deadline, shiftDay(today, -CLOSED_AFTER_DAYS), shiftDay(today, Math.max(0, ...offsets))),
      ),
    )
    .orderBy(asc(campaigns.id), asc(submissions.id));
  const due = candidates
    .map((c) => {
      const daysLeft = daysFrom(today, c.deadline);
      return { ...c, daysLeft, offsetDays: dueOffset(daysLeft, offsets) };
    })
    .filter((c): c is Due => c.offsetDays !== null);
  if (!due.length) return [];
  const sent = await ctx.db
    .select({ submissionId: campaignReminders.submissionId, offsetDays: campaignReminders.offsetDays })
    .from(campaignReminders)
    .where(inArray(campaignReminders.submissionId, due.map((d) => d.submissionId)));
  const done = new Set(sent.map((s) => `${s.submissionId}:${s.offsetDays}`));
  return due.filter((d) => !done.has(`${d.submissionId}:${d.offsetDays}`));
}

interface Planned {
  due: Due;
  facts: ReminderFacts;
  mails: Mail[];
  councilCode: string;
}

/** The facts and the e-mails of one reminder: referents get the whole picture, data providers their sections. */
async function planReminder(ctx: Ctx, due: Due): Promise<Planned> {
  const s = await loadSubmission(ctx.db, due.submissionId);
  const evaluation = evaluateForm(s.form, await readValues(ctx.db, s.id));
  const facts: ReminderFacts = {
    submissionId: s.id,
    campaign: s.campaign,
    councilName: s.council.name,
    status: s.status,
    daysLeft: due.daysLeft,
    overall: evaluation.completeness.overall,
    link: `${defaultBaseUrl(ctx.config)}/compilazioni/${s.id}`,
  };
  const open: (OpenSection & { code: string })[] = s.form.definition.sections
    .map((section) => ({ code: section.code, title: section.title.it, ...evaluation.completeness.bySection[section.code] }))
    .filter((c) => c.expected > 0 && c.filled < c.expected);
  const referents = (await listRoleHolderEmails(ctx.db, [{ role: 'council_referent', scopeType: 'council', scopeId: s.councilId }])).sort();
  const mails: Mail[] = referents.map((to) => referentMail(to, facts, open));
  // A provider of several organisations gets one e-mail listing all their sections; a referent gets only theirs.
  const providerSections = new Map<string, OpenSection[]>();
  const assigned = open.filter((o) => s.assignments.has(o.code));
  for (const [organizationId, sections] of groupBy(assigned, (o) => s.assignments.get(o.code) as number)) {
    for (const to of await listRoleHolderEmails(ctx.db, [{ role: 'data_provider', scopeType: 'organization', scopeId: organizationId }])) {
      if (!referents.includes(to)) providerSections.set(to, [...(providerSections.get(to) ?? []), ...sections]);
    }
  }
  for (const to of [...providerSections.keys()].sort()) mails.push(providerMail(to, facts, providerSections.get(to) ?? []));
  return { due, facts, mails, councilCode: s.council.code };
}

/**
 * The reminders sent for a campaign, newest first, for the submissions in the caller's reach on the council
 * side: national admins all, a regional coordinator their region's councils, referents and tutors their council.
 */
export async function listCampaignReminders(ctx: Ctx, campaignId: number) {
  await getCampaign(ctx, campaignId);
  const visible = overviewVisibility(ctx.actor);
  const rows = await ctx.db
    .select({ r: campaignReminders, council: councils, regionName: territories.name })
    .from(campaignReminders)
    .innerJoin(submissions, eq(submissions.id, campaignReminders.submissionId))
    .innerJoin(councils, eq(councils.id, submissions.councilId))
    .innerJoin(territories, eq(territories.id, councils.regionId))
    .where(and(eq(campaignReminders.campaignId, campaignId), visible))
    .orderBy(desc(campaignReminders.sentAt), asc(councils.code), desc(campaignReminders.offsetDays));
  return rows.map(({ r, council, regionName }) => ({
    id: r.id,
    submissionId: r.submissionId,
    council: { id: council.id, code: council.code, name: council.name },
    region: { id: council.regionId, name: regionName },
    offsetDays: r.offsetDays,
    overdue: r.offsetDays === OVERDUE,
    deadline: r.deadline,
    daysLeft: r.daysLeft,
    status: r.status,
    completeness: { filled: r.filled, expected: r.expected },
    recipients: r.recipients,
    sentAt: r.sentAt.toISOString(),
  }));
}
