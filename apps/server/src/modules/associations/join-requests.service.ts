import type { joinRequestAccept, joinRequestCreate, joinRequestQuery, joinRequestReject } from '@mosaico/contracts/associations';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, fieldError, invalidFields } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { councilTerritories, councils } from '../councils/councils.schema.ts';
import { findCouncilForTerritory } from '../councils/councils.service.ts';
import { duplicateError, guardUniqueName, type OrganizationValues, planOrganization } from '../organizations/organizations-plan.ts';
import { insertOrganization } from '../organizations/organizations.service.ts';
import { territories } from '../territories/territories.schema.ts';
import { resolveTerritory, today } from '../territories/territories.service.ts';
import { users } from '../users/users.schema.ts';
import { assertKeepsJoinRequest, joinRequestReachOf, keptCouncils } from './associations.policy.ts';
import { associationJoinRequests, associationLog, associationProfiles } from './associations.schema.ts';
import { loadAssociation, writeProfile } from './associations.service.ts';

type RequestRow = typeof associationJoinRequests.$inferSelect;

/** The provinces the public form offers: those a council covers, by name. */
export async function listJoinProvinces(ctx: Ctx) {
  const rows = await ctx.db
    .selectDistinct({ code: territories.code, name: territories.name })
    .from(councilTerritories)
    .innerJoin(territories, eq(territories.id, councilTerritories.territoryId))
    .where(and(eq(territories.level, 'province'), sql`${territories.validTo} is null`))
    .orderBy(territories.name);
  return { items: rows };
}

/** What the audit keeps of a request: never the requester's personal data, which must be erasable. */
const auditImage = (r: RequestRow) => ({ id: r.id, councilId: r.councilId, name: r.name, legalForm: r.legalForm, status: r.status, organizationId: r.organizationId, erasedAt: r.erasedAt });

/**
 * A request to join sent signed out: the province decides the council; consent is required (the schema
 * refuses the body without it, so nothing is stored). Only the council's keepers will see it.
 */
export async function createJoinRequest(ctx: Ctx, body: z.infer<typeof joinRequestCreate>) {
  const province = await resolveTerritory(ctx.db, body.provinceCode).then((r) => r.t, () => null);
  if (province?.level !== 'province') throw fieldError(ctx.lang, 'association_join_province_unknown', 'provinceCode', { code: body.provinceCode });
  const council = await findCouncilForTerritory(ctx.db, province);
  if (!council) throw fieldError(ctx.lang, 'association_join_no_council', 'provinceCode', { province: province.name });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(associationJoinRequests)
      .values({
        councilId: council.id,
        territoryId: province.id,
        name: body.name,
        legalForm: body.legalForm,
        communities: body.communities,
        languages: body.languages,
        sectors: body.sectors,
        activities: body.activities,
        contactPerson: body.contactPerson,
        email: body.email,
        phone: body.phone ?? null,
        website: body.website ?? null,
        consentAt: new Date(),
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'create', entityType: 'association_join_request', entityId: row.id, after: auditImage(row), regionId: council.regionId, councilId: council.id });
    return { id: row.id, council: { name: council.name } };
  });
}

async function present(db: DbOrTx, rows: RequestRow[]) {
  if (!rows.length) return [];
  const councilRows = await db.select({ id: councils.id, code: councils.code, name: councils.name }).from(councils).where(inArray(councils.id, [...new Set(rows.map((r) => r.councilId))]));
  const territoryIds = rows.map((r) => r.territoryId).filter((id): id is number => id != null);
  const territoryRows = territoryIds.length ? await db.select({ id: territories.id, code: territories.code, name: territories.name }).from(territories).where(inArray(territories.id, territoryIds)) : [];
  const deciderIds = rows.map((r) => r.decidedBy).filter((id): id is number => id != null);
  const deciders = deciderIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciderIds)) : [];
  const councilOf = new Map(councilRows.map((c) => [c.id, c]));
  const territoryOf = new Map(territoryRows.map((t) => [t.id, t]));
  const deciderOf = new Map(deciders.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    council: councilOf.get(r.councilId) ?? { id: r.councilId, code: '', name: '' },
    territory: r.territoryId ? (territoryOf.get(r.territoryId) ?? null) : null,
    name: r.name,
    legalForm: r.legalForm,
    communities: r.communities,
    languages: r.languages,
    sectors: r.sectors,
    activities: r.activities,
    contactPerson: r.erasedAt ? null : r.contactPerson,
    email: r.erasedAt ? null : r.email,
    phone: r.erasedAt ? null : r.phone,
    website: r.website,
    consentAt: r.consentAt.toISOString(),
    status: r.status,
    decidedBy: r.decidedBy ? (deciderOf.get(r.decidedBy) ?? null) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    organizationId: r.organizationId,
    erasedAt: r.erasedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The requests of the councils the caller keeps (referents, the region's coordinators, national admins), newest first. */
export async function listJoinRequests(ctx: Ctx, q: z.infer<typeof joinRequestQuery>) {
  const where = and(keptCouncils(joinRequestReachOf(ctx.actor)), q.status ? eq(associationJoinRequests.status, q.status) : undefined, q.councilId ? eq(associationJoinRequests.councilId, q.councilId) : undefined);
  const from = () => ctx.db.select({ r: associationJoinRequests }).from(associationJoinRequests).innerJoin(councils, eq(councils.id, associationJoinRequests.councilId));
  const [{ total }] = await ctx.db.select({ total: count() }).from(associationJoinRequests).innerJoin(councils, eq(councils.id, associationJoinRequests.councilId)).where(where);
  const rows = await from()
    .where(where)
    .orderBy(desc(associationJoinRequests.createdAt), desc(associationJoinRequests.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await present(ctx.db, rows.map((r) => r.r)), total, page: q.page, pageSize: q.pageSize };
}

/** The request and its council's region, once the caller is known to keep that council (else 403). */
async function loadForKeeper(db: DbOrTx, actor: Actor | null, id: number, lock = false) {
  const reach = joinRequestReachOf(actor);
  const query = db.select({ r: associationJoinRequests, regionId: councils.regionId }).from(associationJoinRequests).innerJoin(councils, eq(councils.id, associationJoinRequests.councilId)).where(eq(associationJoinRequests.id, id));
  const [found] = lock ? await query.for('update', { of: associationJoinRequests }) : await query;
  if (!found) throw new AppError('not_found', 'association_join_not_found', { id });
  assertKeepsJoinRequest(reach, { id: found.r.councilId, regionId: found.regionId });
  return found;
}

export async function getJoinRequest(ctx: Ctx, id: number) {
  const { r } = await loadForKeeper(ctx.db, ctx.actor, id);
  return (await present(ctx.db, [r]))[0];
}

function assertPending(r: RequestRow) {
  if (r.status !== 'pending') throw new AppError('conflict', 'association_join_decided', { id: r.id });
}

/**
 * Accepts a request: links it to an association already registered in the council, or registers a new one
 * (organisation + profile) in the request's province; either way the profile is marked verified by the caller and
 * the log says so. A namesake in the council gives a 409 naming it, so the referent can link it instead.
 */
export async function acceptJoinRequest(ctx: Ctx, id: number, body: z.infer<typeof joinRequestAccept>) {
  let planned: OrganizationValues | null = null;
  const organizationId = await guardUniqueName(ctx.db, () => planned, null, () =>
    ctx.db.transaction(async (tx) => {
      const { r, regionId } = await loadForKeeper(tx, ctx.actor, id, true);
      assertPending(r);
      let orgId: number;
      if (body.organizationId) {
        const org = await loadAssociation(tx, body.organizationId).catch(() => null);
        if (!org || org.councilId !== r.councilId) throw fieldError(ctx.lang, 'association_join_link_mismatch', 'organizationId', { id: body.organizationId });
        orgId = org.id;
      } else {
        const [t] = r.territoryId ? await tx.select({ code: territories.code }).from(territories).where(eq(territories.id, r.territoryId)) : [];
        const plan = await planOrganization(tx, ctx.lang, null, {
          name: r.name,
          kind: 'association',
          territoryCode: t?.code ?? '',
          councilId: r.councilId,
          collectionStatus: 'new',
          email: r.email || null,
          phone: r.phone,
          website: r.website,
          contactPerson: r.contactPerson || null,
        });
        if (plan.issues.length) throw invalidFields(plan.issues);
        if (plan.duplicate) throw duplicateError(plan.duplicate);
        planned = plan.values;
        orgId = (await insertOrganization(tx, ctx, plan.values)).id;
      }
      const org = await loadAssociation(tx, orgId);
      const [existing] = await tx.select({ id: associationProfiles.organizationId }).from(associationProfiles).where(eq(associationProfiles.organizationId, orgId));
      const verified = { verifiedAt: new Date(), verifiedBy: ctx.actor?.id ?? null };
      // A linked association keeps the profile the council wrote; a new one takes what the request said.
      await writeProfile(
        tx,
        ctx,
        org,
        existing ? verified : { ...verified, legalForm: r.legalForm, communities: r.communities, languages: r.languages, sectors: r.sectors, activities: r.activities },
      );
      const summary = `Richiesta di adesione n. ${r.id} verificata e accettata${body.note ? `: ${body.note}` : '.'}`;
      await tx.insert(associationLog).values({ organizationId: orgId, date: today(), kind: 'note', summary, createdBy: ctx.actor?.id ?? null });
      const [after] = await tx
        .update(associationJoinRequests)
        .set({ status: 'accepted', decidedBy: ctx.actor?.id ?? null, decidedAt: new Date(), decisionNote: body.note, organizationId: orgId })
        .where(eq(associationJoinRequests.id, id))
        .returning();
      await recordAudit(tx, ctx, { action: 'accept', entityType: 'association_join_request', entityId: id, before: auditImage(r), after: auditImage(after), regionId, councilId: r.councilId, organizationId: orgId });
      return orgId;
    }),
  );
  return { request: await getJoinRequest(ctx, id), organizationId };
}

/** Rejects a pending request with the reason; the council's keepers. */
export async function rejectJoinRequest(ctx: Ctx, id: number, body: z.infer<typeof joinRequestReject>) {
  await ctx.db.transaction(async (tx) => {
    const { r, regionId } = await loadForKeeper(tx, ctx.actor, id, true);
    assertPending(r);
    const [after] = await tx
      .update(associationJoinRequests)
      .set({ status: 'rejected', decidedBy: ctx.actor?.id ?? null, decidedAt: new Date(), decisionNote: body.reason })
      .where(eq(associationJoinRequests.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'reject', entityType: 'association_join_request', entityId: id, before: auditImage(r), after: auditImage(after), regionId, councilId: r.councilId });
  });
  return getJoinRequest(ctx, id);
}

/** Everything stored about the requester, for a request of access (export); the council's keepers. */
export async function exportJoinRequestData(ctx: Ctx, id: number) {
  const { r } = await loadForKeeper(ctx.db, ctx.actor, id);
  return {
    request: r.id,
    contactPerson: r.erasedAt ? null : r.contactPerson,
    email: r.erasedAt ? null : r.email,
    phone: r.erasedAt ? null : r.phone,
    consentAt: r.consentAt.toISOString(),
    sentAt: r.createdAt.toISOString(),
    erasedAt: r.erasedAt?.toISOString() ?? null,
  };
}

/**
 * Erases the requester's personal data on request, once the request is decided (a pending one is decided
 * first): contact person, e-mail and phone are blanked; the request stays, so the counts do. An accepted
 * request's association keeps the contacts the council registered, which are its own record.
 */
export async function eraseJoinRequestData(ctx: Ctx, id: number) {
  await ctx.db.transaction(async (tx) => {
    const { r, regionId } = await loadForKeeper(tx, ctx.actor, id, true);
    if (r.status === 'pending') throw new AppError('conflict', 'association_join_erase_pending', { id });
    if (r.erasedAt) throw new AppError('conflict', 'association_join_erased', { id });
    const [after] = await tx.update(associationJoinRequests).set({ contactPerson: '', email: '', phone: null, erasedAt: new Date() }).where(eq(associationJoinRequests.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'erase', entityType: 'association_join_request', entityId: id, before: auditImage(r), after: auditImage(after), regionId, councilId: r.councilId });
  });
  return getJoinRequest(ctx, id);
}
