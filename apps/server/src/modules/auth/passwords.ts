import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { passwordResets } from './auth.schema.ts';
import { hashToken } from './sessions.ts';

// argon2id (algorithm 2) with OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so unknown e-mails cannot be told apart by timing.
    await hash(password, options);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A reset link lasts one hour; an invitation (first password of a new account) a week. */
export const RESET_TTL_MS = 60 * 60_000;
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/**
 * Issues a one-time token to choose a password, replacing any unused one of the user; only its hash is
 * stored, so the token exists in the e-mail alone.
 */
export async function createPasswordToken(db: DbOrTx, userId: number, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/** The page of the web app where a token is used to choose a password. */
export const passwordLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, '')}/reimposta-password?token=${token}`;
