import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { roleAssignments, users } from '../users/users.schema.ts';
import { sessions } from './auth.schema.ts';

export const SESSION_COOKIE = 'mosaico_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: DbOrTx,
  userId: number,
  ttlHours: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, expiresAt };
}

export async function deleteSession(db: DbOrTx, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteUserSessions(db: DbOrTx, userId: number, exceptToken?: string) {
  const rows = await db.select({ h: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  const keep = exceptToken ? hashToken(exceptToken) : null;
  for (const r of rows) if (r.h !== keep) await db.delete(sessions).where(eq(sessions.tokenHash, r.h));
}

/** Resolves a session token to its actor, sliding the expiry at most once a minute. */
export async function loadSessionActor(
  db: Db,
  token: string,
  ttlHours: number,
): Promise<{ actor: Actor | null; expired: boolean }> {
  const hash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hash));
  if (!row) return { actor: null, expired: false };
  const now = Date.now();
  if (row.session.expiresAt.getTime() <= now || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.tokenHash, hash));
    return { actor: null, expired: true };
  }
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + ttlHours * 3600_000) })
      .where(eq(sessions.tokenHash, hash));
  }
  return { actor: await loadActor(db, row.user), expired: false };
}

export async function loadActor(db: DbOrTx, user: typeof users.$inferSelect): Promise<Actor> {
  const roles = await db
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  return { id: user.id, email: user.email, name: user.name, locale: user.locale, roles };
}

export async function purgeExpiredSessions(db: DbOrTx) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function countActiveSessions(db: DbOrTx, userId: number) {
  const rows = await db
    .select({ h: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
  return rows.length;
}
