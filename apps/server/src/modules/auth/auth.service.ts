import { randomUUID } from 'node:crypto';
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placeGrants } from '../users/role-scopes.ts';
import { users } from '../users/users.schema.ts';
import { loginAttempts, passwordResets } from './auth.schema.ts';
import { createPasswordToken, hashPassword, passwordLink, RESET_TTL_MS, verifyPassword } from './passwords.ts';
import { requireActor } from './scope.ts';
import { createSession, deleteUserSessions, hashToken } from './sessions.ts';

interface RequestMeta {
  ip: string;
  userAgent?: string;
}

/** Signs in with e-mail and password; failed attempts per e-mail and per IP are limited in a sliding window. */
export async function login(ctx: Ctx, body: { email: string; password: string }, meta: RequestMeta) {
  const email = body.email.trim().toLowerCase();
  const windowStart = new Date(Date.now() - ctx.config.LOGIN_WINDOW_MINUTES * 60_000);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.at, windowStart), or(eq(loginAttempts.email, email), eq(loginAttempts.ip, meta.ip))));
  // The IP allowance is wider than the per-address one, so one office behind a NAT is not locked out by a colleague.
  const [{ byEmail }] = await ctx.db
    .select({ byEmail: count() })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.at, windowStart), eq(loginAttempts.email, email)));
  if (byEmail >= ctx.config.LOGIN_MAX_ATTEMPTS || n >= ctx.config.LOGIN_MAX_ATTEMPTS * 4) {
    throw new AppError('rate_limited', 'too_many_attempts', { minutes: ctx.config.LOGIN_WINDOW_MINUTES });
  }
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
  if (!user || !ok) {
    await ctx.db.insert(loginAttempts).values({ id: randomUUID(), email, ip: meta.ip });
    await ctx.db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - 24 * 3600_000)));
    throw new AppError('unauthenticated', 'bad_credentials');
  }
  if (!user.active) throw new AppError('forbidden', 'account_disabled');
  return startSession(ctx, user, meta, 'login');
}

/** Opens a session for a user already authenticated (password or OpenID Connect). */
export async function startSession(ctx: Ctx, user: { id: number; email: string }, meta: RequestMeta, action: 'login' | 'login_oidc') {
  return ctx.db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(eq(loginAttempts.email, user.email.toLowerCase()));
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, ctx.config.SESSION_TTL_HOURS, meta);
    const actor = { id: user.id, email: user.email, name: '', locale: 'it' as const, roles: [] };
    await recordAudit(tx, { actor, requestId: ctx.requestId }, { action, entityType: 'user', entityId: user.id, after: { ip: meta.ip } });
    return session;
  });
}

/** The signed-in user with the names of the scopes of their roles. */
export async function getMe(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const roles = await placeGrants(ctx.db, actor.roles);
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    locale: actor.locale,
    roles: roles.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId, scopeName: r.scopeName })),
  };
}

/** Changes one's own password; other sessions of the user are closed. */
export async function changePassword(ctx: Ctx, body: { currentPassword: string; newPassword: string }, keepToken: string) {
  const actor = requireActor(ctx.actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id as number));
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    const message = translate('wrong_password', ctx.lang);
    throw new AppError('invalid', 'wrong_password', {}, { issues: [{ field: 'currentPassword', code: 'wrong_password', message }] });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, keepToken);
    await recordAudit(tx, ctx, { action: 'password_change', entityType: 'user', entityId: user.id });
  });
}

/** Sends a reset link by e-mail (or to the outbox); answers the same whether or not the address exists. */
export async function requestPasswordReset(ctx: Ctx, email: string, baseUrl: string) {
  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!user?.active) return;
  await ctx.db.transaction(async (tx) => {
    const link = passwordLink(baseUrl, await createPasswordToken(tx, user.id, RESET_TTL_MS));
    const it = user.locale !== 'en';
    await ctx.mailer.queue(tx, {
      to: user.email,
      subject: it ? 'Mosaico: reimposta la password' : 'Mosaico: reset your password',
      body: it
        ? `Gentile ${user.name},\n\nper scegliere una nuova password apri questo link entro un'ora:\n${link}\n\nSe non hai chiesto tu di reimpostare la password, ignora questo messaggio.`
        : `Dear ${user.name},\n\nto choose a new password open this link within one hour:\n${link}\n\nIf you did not ask to reset your password, ignore this message.`,
    });
    await recordAudit(tx, ctx, { action: 'password_reset_request', entityType: 'user', entityId: user.id });
  });
  await ctx.mailer.deliverPending(ctx.db);
}

/** Sets a new password with a valid, unused reset (or invitation) token; every session of the user is closed. */
export async function confirmPasswordReset(ctx: Ctx, body: { token: string; newPassword: string }) {
  const hash = hashToken(body.token);
  const invalid = () => new AppError('invalid', 'reset_invalid');
  const [row] = await ctx.db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hash));
  if (!row || row.usedAt || row.expiresAt.getTime() < Date.now()) throw invalid();
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    // Claiming the token with a conditional update keeps it single-use even when two requests race.
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!claimed.length) throw invalid();
    await tx.update(users).set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` }).where(eq(users.id, row.userId));
    await deleteUserSessions(tx, row.userId);
    await recordAudit(tx, ctx, { action: 'password_reset', entityType: 'user', entityId: row.userId });
  });
}
