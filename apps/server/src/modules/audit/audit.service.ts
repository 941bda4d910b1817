import type { auditQuery } from '@mosaico/contracts/audit';
import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { reachOf, requireActor } from '../auth/scope.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  regionId?: number | null;
  councilId?: number | null;
  organizationId?: number | null;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'token']);

/** Removes secrets and turns dates into strings, so audit rows never hold a credential. */
function clean(value: unknown): unknown {
  if (value == null) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? undefined : v)));
}

/** Appends one audit entry inside the caller's transaction; every service write calls it. */
export async function recordAudit(db: DbOrTx, ctx: Pick<Ctx, 'actor' | 'requestId'>, rec: AuditRecord) {
  await db.insert(auditLog).values({
    actorId: ctx.actor?.id ?? null,
    actorEmail: ctx.actor?.email ?? null,
    action: rec.action,
    entityType: rec.entityType,
    entityId: String(rec.entityId),
    before: clean(rec.before),
    after: clean(rec.after),
    regionId: rec.regionId ?? null,
    councilId: rec.councilId ?? null,
    organizationId: rec.organizationId ?? null,
    requestId: ctx.requestId,
  });
}

/** Lists audit entries: national admins see all; regional coordinators their region; council referents their council. */
export async function listAudit(ctx: Ctx, q: z.infer<typeof auditQuery>) {
  const actor = requireActor(ctx.actor);
  const reach = reachOf(actor, ['national_admin', 'regional_coordinator', 'council_referent']);
  const where: (SQL | undefined)[] = [];
  if (!reach.all) {
    if (!reach.regionIds.length && !reach.councilIds.length) throw new AppError('forbidden', 'forbidden');
    where.push(
      or(
        reach.regionIds.length ? inArray(auditLog.regionId, reach.regionIds) : undefined,
        reach.councilIds.length ? inArray(auditLog.councilId, reach.councilIds) : undefined,
      ),
    );
  }
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(ilike(auditLog.actorEmail, `%${q.actor}%`));
  if (q.from) where.push(gte(auditLog.at, new Date(`${q.from}T00:00:00Z`)));
  if (q.to) where.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  const cond = and(...where);
  const [{ total }] = await ctx.db.select({ total: count() }).from(auditLog).where(cond);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorEmail,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.requestId,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
