import type { memberCreate, memberPatch } from '@mosaico/contracts/working-groups';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldIssue, invalidFields } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { num, queryRows, roundHours } from '../participation/query-rows.ts';
import { users } from '../users/users.schema.ts';
import { workingGroupMembers } from './working-groups.schema.ts';
import { assertCanKeepGroup } from './working-groups.policy.ts';
import { type GroupRow, loadGroup, touchGroup } from './working-groups.service.ts';
import { italianDay } from '../../platform/italian-time.ts';
import { sessionHoursOf } from '../events/held-sql.ts';

type MemberRow = typeof workingGroupMembers.$inferSelect;

/**
 * Hours of training each member attended: sessions of courses and training days (not drafts) where a
 * registration of theirs was marked present, each session counted once. A person is matched by platform user
 * or e-mail; an organisation without a named person by the registrations made for it.
 */
async function trainingHours(db: DbOrTx, groupId: number): Promise<Map<number, number>> {
  const rows = await queryRows(
    db,
    sql`
    select mid, sum(${sessionHoursOf('x')}) as hours from (
      select distinct m.id as mid, s.id as sid, s.starts_at, s.ends_at
      from working_group_members m
      join event_registrations r on (
        (m.user_id is not null and r.user_id = m.user_id)
        or (m.email is not null and lower(r.email) = lower(m.email))
        or (m.user_id is null and m.email is null and m.organization_id is not null and r.organization_id = m.organization_id)
      )
      join events e on e.id = r.event_id and e.status <> 'draft' and e.kind in ('course', 'training_day')
      join event_attendance a on a.registration_id = r.id and a.present
      join event_sessions s on s.id = a.session_id
      where m.group_id = ${groupId}
    ) x group by mid`,
  );
  return new Map(rows.map((r) => [num(r.mid), roundHours(r.hours)]));
}

/**
 * A member as the audit log keeps it: who by reference (organisation, user) and their role, never an outside
 * person's name or e-mail, so that erasing them leaves nothing behind.
 */
export const auditMember = ({ personName, email, ...m }: MemberRow) => ({ ...m, external: personName != null || email != null });

/**
 * The members; their training hours (drawn from attendance, which is the organisers' to see) and an external person's
 * e-mail only for those who keep the group — others get null.
 */
export async function listMembers(db: DbOrTx, g: GroupRow, keeper: boolean, memberId?: number) {
  const rows = await db
    .select({ m: workingGroupMembers, orgName: organizations.name, userName: users.name })
    .from(workingGroupMembers)
    .leftJoin(organizations, eq(organizations.id, workingGroupMembers.organizationId))
    .leftJoin(users, eq(users.id, workingGroupMembers.userId))
    .where(and(eq(workingGroupMembers.groupId, g.id), memberId ? eq(workingGroupMembers.id, memberId) : undefined))
    .orderBy(sql`case ${workingGroupMembers.role} when 'coordinator' then 0 when 'facilitator' then 1 when 'member' then 2 else 3 end`, workingGroupMembers.id);
  const hours = keeper ? await trainingHours(db, g.id) : null;
  return rows.map(({ m, orgName, userName }) => ({
    id: m.id,
    organization: m.organizationId && orgName ? { id: m.organizationId, name: orgName } : null,
    user: m.userId && userName ? { id: m.userId, name: userName } : null,
    personName: m.personName,
    email: keeper ? m.email : null,
    role: m.role,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    trainingHours: hours ? (hours.get(m.id) ?? 0) : null,
  }));
}

/** The group's meetings: the events tied to it, with their first day, sessions and hours; drafts for keepers only. */
export async function listMeetings(db: DbOrTx, g: GroupRow, keeper: boolean) {
  const rows = await queryRows(
    db,
    sql`
    select e.id, e.title, e.kind, e.status, min(s.starts_at) as first_at, count(s.id) as sessions,
           coalesce(sum(${sessionHoursOf('s')}), 0) as hours
    from events e left join event_sessions s on s.event_id = e.id
    where e.working_group_id = ${g.id} and (${keeper} or e.status <> 'draft')
    group by e.id order by min(s.starts_at) desc nulls last, e.id desc`,
  );
  return rows.map((r) => ({
    id: num(r.id),
    title: String(r.title),
    kind: r.kind as never,
    status: r.status as never,
    firstDate: r.first_at ? italianDay(new Date(r.first_at as string)) : null,
    sessions: num(r.sessions),
    hours: roundHours(r.hours),
  }));
}

type MemberInput = z.infer<typeof memberPatch>;

/** Every problem with a member's values at once: who they are, that they exist, and their dates. */
async function checkMember(ctx: Ctx, db: DbOrTx, v: Pick<MemberRow, 'organizationId' | 'userId' | 'personName' | 'email' | 'joinedOn' | 'leftOn'>) {
  const issues: FieldIssue[] = [];
  const issue = (field: string, code: string, params: Record<string, string | number> = {}) => issues.push({ field, code, message: translate(code, ctx.lang, params) });
  if (!v.organizationId && !v.userId && !v.personName) issue('personName', 'working_group_member_who');
  if (v.personName && !v.userId && !v.email) issue('email', 'working_group_member_email');
  if (v.organizationId) {
    const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, v.organizationId));
    if (!o) issue('organizationId', 'working_group_member_org_not_found', { id: v.organizationId });
  }
  if (v.userId) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, v.userId));
    if (!u) issue('userId', 'working_group_member_user_not_found', { id: v.userId });
  }
  if (v.joinedOn && v.leftOn && v.leftOn < v.joinedOn) issue('leftOn', 'working_group_member_dates');
  if (issues.length) throw invalidFields(issues);
}

const placeOf = (g: GroupRow) => ({ regionId: g.regionId, councilId: g.councilId });

export async function addMember(ctx: Ctx, groupId: number, body: z.infer<typeof memberCreate>) {
  return ctx.db.transaction(async (tx) => {
    const g = await loadGroup(tx, groupId, true);
    assertCanKeepGroup(ctx.actor, g);
    const values = {
      groupId,
      organizationId: body.organizationId ?? null,
      userId: body.userId ?? null,
      personName: body.personName,
      email: body.email ?? null,
      role: body.role,
      joinedOn: body.joinedOn ?? null,
      leftOn: body.leftOn ?? null,
    };
    await checkMember(ctx, tx, values);
    const [row] = await tx.insert(workingGroupMembers).values(values).returning();
    await touchGroup(tx, groupId);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'working_group_member', entityId: row.id, after: auditMember(row), ...placeOf(g) });
    return (await listMembers(tx, g, true, row.id))[0];
  });
}

async function loadMember(db: DbOrTx, groupId: number, memberId: number) {
  const [m] = await db.select().from(workingGroupMembers).where(and(eq(workingGroupMembers.id, memberId), eq(workingGroupMembers.groupId, groupId)));
  if (!m) throw new AppError('not_found', 'working_group_member_not_found', { id: memberId });
  return m;
}

export async function updateMember(ctx: Ctx, groupId: number, memberId: number, body: MemberInput) {
  return ctx.db.transaction(async (tx) => {
    const g = await loadGroup(tx, groupId, true);
    assertCanKeepGroup(ctx.actor, g);
    const current = await loadMember(tx, groupId, memberId);
    const pick = <K extends keyof MemberInput & keyof MemberRow>(k: K) => (body[k] === undefined ? current[k] : (body[k] ?? null)) as MemberRow[K];
    const values = {
      organizationId: pick('organizationId'),
      userId: pick('userId'),
      personName: pick('personName'),
      email: pick('email'),
      role: body.role ?? current.role,
      joinedOn: pick('joinedOn'),
      leftOn: pick('leftOn'),
    };
    await checkMember(ctx, tx, values);
    const [row] = await tx.update(workingGroupMembers).set(values).where(eq(workingGroupMembers.id, memberId)).returning();
    await touchGroup(tx, groupId);
    await recordAudit(tx, ctx, { action: 'update', entityType: 'working_group_member', entityId: memberId, before: auditMember(current), after: auditMember(row), ...placeOf(g) });
    return (await listMembers(tx, g, true, memberId))[0];
  });
}

export async function removeMember(ctx: Ctx, groupId: number, memberId: number) {
  await ctx.db.transaction(async (tx) => {
    const g = await loadGroup(tx, groupId, true);
    assertCanKeepGroup(ctx.actor, g);
    const current = await loadMember(tx, groupId, memberId);
    await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.id, memberId));
    await touchGroup(tx, groupId);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'working_group_member', entityId: memberId, before: auditMember(current), ...placeOf(g) });
  });
}
