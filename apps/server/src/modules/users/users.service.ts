import { ROLE_SCOPES } from '@mosaico/contracts/vocabulary';
import type { GrantBody, UserCreate, userPatch, userQuery } from '@mosaico/contracts/users';
import { and, asc, count, eq, exists, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError, forbidden, notFound, requireVersion, versionConflict } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createPasswordToken, hashPassword, INVITATION_TTL_MS, passwordLink } from '../auth/passwords.ts';
import type { Reach } from '../auth/scope.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { type PlacedGrant, placeExistingGrant, placeGrants } from './role-scopes.ts';
import { assertCanGrant, canManageUser, isNationalAdmin, requireManager, seeingReach, seesGrant } from './users.policy.ts';
import { type Role, roleAssignments, type ScopeType, users } from './users.schema.ts';

type UserRow = typeof users.$inferSelect;
type AssignmentRow = typeof roleAssignments.$inferSelect;

const EVERYTHING: Reach = { all: true, regionIds: [], councilIds: [], organizationIds: [] };

/** Users as the reader may see them: outside national admins, only the roles within the reader's scope. */
async function presentUsers(db: DbOrTx, rows: UserRow[], reach: Reach) {
  if (!rows.length) return [];
  const assignments = await db
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, rows.map((r) => r.id)))
    .orderBy(asc(roleAssignments.id));
  const placed = await placeGrants(db, assignments);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    active: u.active,
    sso: u.oidcSubject != null,
    hasPassword: u.passwordHash != null,
    roles: placed
      .filter((a) => a.userId === u.id && seesGrant(reach, a.placement))
      .map((a) => ({ id: a.id, role: a.role, scopeType: a.scopeType, scopeId: a.scopeId, scopeName: a.scopeName })),
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
}

/** Users holding a role (of the given kind, if any) within what the reader sees. */
function visibleUsers(db: DbOrTx, reach: Reach, role?: AssignmentRow['role']): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(roleAssignments.userId, users.id)];
  if (role) conds.push(eq(roleAssignments.role, role));
  if (!reach.all) {
    const ra = roleAssignments;
    const within: (SQL | undefined)[] = [];
    if (reach.regionIds.length) {
      const councilsOf = db.select({ id: councils.id }).from(councils).where(inArray(councils.regionId, reach.regionIds));
      const orgsOf = db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.regionId, reach.regionIds));
      within.push(and(eq(ra.scopeType, 'region'), inArray(ra.scopeId, reach.regionIds)));
      within.push(and(eq(ra.scopeType, 'council'), inArray(ra.scopeId, councilsOf)));
      within.push(and(eq(ra.scopeType, 'organization'), inArray(ra.scopeId, orgsOf)));
    }
    if (reach.councilIds.length) {
      const orgsOf = db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.councilId, reach.councilIds));
      within.push(and(eq(ra.scopeType, 'council'), inArray(ra.scopeId, reach.councilIds)));
      within.push(and(eq(ra.scopeType, 'organization'), inArray(ra.scopeId, orgsOf)));
    }
    conds.push(within.length ? or(...within) : sql`false`);
  }
  if (reach.all && !role) return undefined;
  return exists(db.select({ one: sql`1` }).from(roleAssignments).where(and(...conds)));
}

async function placedRolesOf(db: DbOrTx, userId: number) {
  return placeGrants(db, await db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)));
}

/** Loads a user the actor may see; anyone else's account answers 404, as if it did not exist. */
async function loadVisibleUser(db: DbOrTx, actor: Actor, id: number, lock = false) {
  const q = db.select().from(users).where(eq(users.id, id));
  const [row] = lock ? await q.for('update') : await q;
  const reach = seeingReach(actor);
  const roles = row ? await placedRolesOf(db, id) : [];
  if (!row || !(reach.all || roles.some((g) => seesGrant(reach, g.placement)))) throw notFound(`utente ${id}`);
  return { row, roles, reach };
}

/** Where a user's audit entries are filed, so coordinators and referents can read them in their scope. */
const auditPlacement = (g: PlacedGrant | undefined) => g?.placement ?? {};

/** Lists the users the actor sees (national admins: all; coordinators: their region; referents: their council). */
export async function listUsers(ctx: Ctx, q: z.infer<typeof userQuery>) {
  const actor = requireManager(ctx.actor);
  const reach = seeingReach(actor);
  const where: (SQL | undefined)[] = [visibleUsers(ctx.db, reach, q.role)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like)));
  }
  const cond = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(users).where(cond);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(cond)
    .orderBy(asc(users.name), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await presentUsers(ctx.db, rows, reach), total, page: q.page, pageSize: q.pageSize };
}

/** One user the actor sees. */
export async function getUser(ctx: Ctx, id: number) {
  const actor = requireManager(ctx.actor);
  const { row, reach } = await loadVisibleUser(ctx.db, actor, id);
  return (await presentUsers(ctx.db, [row], reach))[0];
}

/** A user by e-mail (case-insensitive), for the command line. */
export async function getUserByEmail(ctx: Ctx, email: string) {
  const actor = requireManager(ctx.actor);
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!row) throw notFound(`utente ${email}`);
  const { row: user, reach } = await loadVisibleUser(ctx.db, actor, row.id);
  return (await presentUsers(ctx.db, [user], reach))[0];
}

/** A 400 whose one issue names the field and carries the message of the code, in the reader's language. */
function assertRoleScope(ctx: Ctx, g: GrantBody, field: string) {
  if (!ROLE_SCOPES[g.role].includes(g.scopeType)) throw fieldError(ctx.lang, 'role_scope_mismatch', field, { role: g.role, scopeType: g.scopeType });
}

const normalizeGrant = (g: GrantBody) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeType === 'nation' ? null : (g.scopeId ?? null) });
const grantKey = (g: { role: string; scopeType: string; scopeId: number | null }) => `${g.role}:${g.scopeType}:${g.scopeId ?? ''}`;

/** Where invitation links point when no request tells us the address the user sees. */
/** E-mail addresses of active users holding any of the given role grants (for notifications); no policy: callers decide. */
export async function listRoleHolderEmails(db: DbOrTx, grants: { role: Role; scopeType: ScopeType; scopeId: number | null }[]): Promise<string[]> {
  if (!grants.length) return [];
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        or(
          ...grants.map((g) =>
            and(
              eq(roleAssignments.role, g.role),
              eq(roleAssignments.scopeType, g.scopeType),
              g.scopeId == null ? isNull(roleAssignments.scopeId) : eq(roleAssignments.scopeId, g.scopeId),
            ),
          ),
        ),
      ),
    );
  return rows.map((r) => r.email);
}

export const defaultBaseUrl = (config: Config) => config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return !e.constraint || e.constraint === constraint || !!e.message?.includes(constraint);
  }
  return false;
}

/**
 * Creates an account with its roles; without a password the person is e-mailed an invitation to choose one
 * (a password token valid 7 days). National admins, coordinators and referents, each granting within reach.
 */
export async function createUser(ctx: Ctx, body: UserCreate, opts: { baseUrl?: string } = {}) {
  const actor = requireManager(ctx.actor);
  const email = body.email.trim().toLowerCase();
  const roles = body.roles ?? [];
  // Outside national admins a new account must land within the creator's scope, or they could not see it again.
  if (!roles.length && !isNationalAdmin(actor)) {
    throw fieldError(ctx.lang, 'roles_required', 'roles');
  }
  const grants = roles.map(normalizeGrant).filter((g, i, all) => all.findIndex((o) => grantKey(o) === grantKey(g)) === i);
  for (const [i, g] of grants.entries()) assertRoleScope(ctx, g, `roles.${i}.scopeType`);
  const placed: PlacedGrant[] = [];
  for (const [i, g] of grants.entries()) placed.push(await placeExistingGrant(ctx.db, g, `roles.${i}.scopeId`, ctx.lang));
  for (const g of placed) assertCanGrant(actor, g);
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  const taken = () => new AppError('conflict', 'email_taken', { email }, { issues: [{ field: 'email', code: 'email_taken', message: translate('email_taken', ctx.lang, { email }) }] });
  let out: Awaited<ReturnType<typeof presentUsers>>[number];
  try {
    out = await ctx.db.transaction(async (tx) => {
      const [dupe] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      if (dupe) throw taken();
      const [row] = await tx
        .insert(users)
        .values({ email, name: body.name.trim(), locale: body.locale ?? 'it', passwordHash })
        .returning();
      if (grants.length) await tx.insert(roleAssignments).values(grants.map((g) => ({ ...g, userId: row.id })));
      if (!passwordHash) {
        const token = await createPasswordToken(tx, row.id, INVITATION_TTL_MS);
        await ctx.mailer.queue(tx, invitationMail(row, actor, passwordLink(opts.baseUrl ?? defaultBaseUrl(ctx.config), token)));
      }
      const [user] = await presentUsers(tx, [row], EVERYTHING);
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        after: { ...user, invited: !passwordHash },
        ...auditPlacement(placed[0]),
      });
      for (const g of placed) {
        await recordAudit(tx, ctx, { action: 'role_grant', entityType: 'user', entityId: row.id, after: grantOf(g), ...g.placement });
      }
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_uq')) throw taken();
    throw err;
  }
  if (!passwordHash) await ctx.mailer.deliverPending(ctx.db);
  return out;
}

const grantOf = (g: { role: string; scopeType: string; scopeId: number | null; scopeName?: string | null }) => ({
  role: g.role,
  scopeType: g.scopeType,
  scopeId: g.scopeId,
  scopeName: g.scopeName ?? null,
});

function invitationMail(user: UserRow, by: Actor, link: string) {
  const it = user.locale !== 'en';
  const inviter = by.system ? (it ? 'un amministratore' : 'an administrator') : by.name;
  return {
    to: user.email,
    subject: it ? 'Mosaico: il tuo account è pronto' : 'Mosaico: your account is ready',
    body: it
      ? `Gentile ${user.name},\n\n${inviter} ti ha creato un account su Mosaico, la piattaforma dei Consigli Territoriali per l'Immigrazione.\nPer scegliere la tua password apri questo link entro 7 giorni:\n${link}\n\nSe il link è scaduto, chiedi un nuovo link dalla pagina di accesso ("Password dimenticata").`
      : `Dear ${user.name},\n\n${inviter} created an account for you on Mosaico, the platform of the Territorial Councils for Immigration.\nTo choose your password open this link within 7 days:\n${link}\n\nIf the link has expired, ask for a new one from the sign-in page ("Forgot password").`,
  };
}

/**
 * Edits name, language and active state with a version check; deactivating closes the user's sessions and
 * never leaves the platform without an active national admin. Managers who could grant every role the user holds.
 */
export async function updateUser(ctx: Ctx, id: number, body: z.infer<typeof userPatch>, ifMatch?: number) {
  const actor = requireManager(ctx.actor);
  const expected = requireVersion(ctx.lang, body.version, ifMatch);
  return ctx.db.transaction(async (tx) => {
    const { row, roles, reach } = await loadVisibleUser(tx, actor, id, true);
    if (!canManageUser(actor, roles)) throw forbidden();
    if (row.version !== expected) throw versionConflict(row.version);
    const deactivating = body.active === false && row.active;
    if (deactivating && roles.some((g) => g.role === 'national_admin')) await assertNotLastAdmin(tx, id);
    const { version: _v, ...fields } = body;
    const [updated] = await tx
      .update(users)
      .set({ ...fields, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    if (deactivating) await deleteUserSessions(tx, id);
    const [before, after] = await presentUsers(tx, [row, updated], EVERYTHING);
    const action = deactivating ? 'deactivate' : body.active === true && !row.active ? 'reactivate' : 'update';
    await recordAudit(tx, ctx, { action, entityType: 'user', entityId: id, before, after, ...auditPlacement(roles[0]) });
    return (await presentUsers(tx, [updated], reach))[0];
  });
}

/** Grants a role in a scope to an existing user; only within the granter's reach (see users.policy.ts). */
export async function grantRole(ctx: Ctx, userId: number, body: GrantBody) {
  const actor = requireManager(ctx.actor);
  const grant = normalizeGrant(body);
  assertRoleScope(ctx, grant, 'scopeType');
  const placed = await placeExistingGrant(ctx.db, grant, 'scopeId', ctx.lang);
  assertCanGrant(actor, placed);
  const held = () => new AppError('conflict', 'role_already_held', { role: grant.role, scope: placed.scopeName ?? '' });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(users).where(eq(users.id, userId));
      if (!row) throw notFound(`utente ${userId}`);
      const existing = await tx.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
      if (existing.some((a) => grantKey(a) === grantKey(grant))) throw held();
      const [assignment] = await tx
        .insert(roleAssignments)
        .values({ ...grant, userId })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'role_grant',
        entityType: 'user',
        entityId: userId,
        after: { id: assignment.id, ...grantOf(placed) },
        ...placed.placement,
      });
      return (await presentUsers(tx, [row], seeingReach(actor)))[0];
    });
  } catch (err) {
    if (isUniqueViolation(err, 'role_assignments_uq')) throw held();
    throw err;
  }
}

/** Revokes one role of a user; the same reach as granting it, and never the last national admin. */
export async function revokeRole(ctx: Ctx, userId: number, roleId: number) {
  const actor = requireManager(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [assignment] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, roleId), eq(roleAssignments.userId, userId)));
    if (!assignment) throw notFound(`ruolo ${roleId} dell’utente ${userId}`);
    const [placed] = await placeGrants(tx, [assignment]);
    assertCanGrant(actor, placed);
    if (assignment.role === 'national_admin') await assertNotLastAdmin(tx, userId);
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, roleId));
    await recordAudit(tx, ctx, {
      action: 'role_revoke',
      entityType: 'user',
      entityId: userId,
      before: { id: assignment.id, ...grantOf(placed) },
      ...placed.placement,
    });
    const [row] = await tx.select().from(users).where(eq(users.id, userId));
    return (await presentUsers(tx, [row], seeingReach(actor)))[0];
  });
}

/**
 * Refuses a change that would leave no active national admin. The admin rows are locked so two admins
 * removing each other at the same moment cannot both succeed.
 */
async function assertNotLastAdmin(tx: DbOrTx, userId: number) {
  const admins = await tx
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'national_admin'), eq(users.active, true)))
    .for('update');
  if (admins.length && admins.every((a) => a.userId === userId)) throw new AppError('conflict', 'last_admin');
}
