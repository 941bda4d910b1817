import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { fieldError } from '../../platform/http/errors.ts';
import type { PlaceReadReach, SharedPlace } from '../auth/place-policy.ts';
import type { Reach } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { events } from '../events/events.schema.ts';
import { territories } from '../territories/territories.schema.ts';
import { questionnaires } from './questionnaires.schema.ts';

export type QuestionnaireScope = 'nation' | 'region' | 'council';

/** A questionnaire's scope from its place: a council (with its region), a region alone, or the nation. */
export const scopeTypeOf = (p: SharedPlace): QuestionnaireScope => (p.councilId != null ? 'council' : p.regionId != null ? 'region' : 'nation');

/** The nation, a region or a council with its region, from the scope fields; field errors name what is wrong. */
export async function resolveQuestionnairePlace(ctx: Ctx, scopeType: QuestionnaireScope, scopeId: number | undefined): Promise<SharedPlace> {
  if (scopeType === 'nation') {
    if (scopeId != null) throw fieldError(ctx.lang, 'questionnaire_scope_id_unexpected', 'scopeId');
    return { regionId: null, councilId: null };
  }
  if (scopeId == null) throw fieldError(ctx.lang, scopeType === 'region' ? 'questionnaire_region_required' : 'questionnaire_council_required', 'scopeId');
  if (scopeType === 'region') {
    const [region] = await ctx.db.select({ id: territories.id, level: territories.level }).from(territories).where(eq(territories.id, scopeId));
    if (region?.level !== 'region') throw fieldError(ctx.lang, 'questionnaire_region_not_found', 'scopeId', { id: scopeId });
    return { regionId: region.id, councilId: null };
  }
  const [council] = await ctx.db.select({ id: councils.id, regionId: councils.regionId }).from(councils).where(eq(councils.id, scopeId));
  if (!council) throw fieldError(ctx.lang, 'questionnaire_council_not_found', 'scopeId', { id: scopeId });
  return { regionId: council.regionId, councilId: council.id };
}

/**
 * The event a questionnaire is attached to must belong to the same place: a council's event to that council's
 * questionnaire, a region's (or an interregional event organised by it) to the region's, a national one to the nation's.
 */
export async function checkEventPlace(ctx: Ctx, eventId: number, place: SharedPlace): Promise<void> {
  const [e] = await ctx.db.select({ id: events.id, scopeType: events.scopeType, regionId: events.regionId, councilId: events.councilId }).from(events).where(eq(events.id, eventId));
  if (!e) throw fieldError(ctx.lang, 'questionnaire_event_not_found', 'eventId', { id: eventId });
  const regionId = e.scopeType === 'nation' ? null : e.regionId;
  const councilId = e.scopeType === 'council' ? e.councilId : null;
  if (regionId !== place.regionId || councilId !== place.councilId) throw fieldError(ctx.lang, 'questionnaire_event_other_scope', 'eventId', { id: eventId });
}

/** The questionnaires whose place the caller reads (the nation's, their regions' and councils'), as in canReadPlace. */
export function readableCondition(reach: PlaceReadReach): SQL | undefined {
  if (reach.all) return undefined;
  const q = questionnaires;
  return or(
    and(isNull(q.regionId), isNull(q.councilId)),
    reach.regionIds.length ? inArray(q.regionId, reach.regionIds) : undefined,
    reach.councilIds.length ? inArray(q.councilId, reach.councilIds) : undefined,
    reach.regionRecordIds.length ? and(isNull(q.councilId), inArray(q.regionId, reach.regionRecordIds)) : undefined,
  );
}

/** The questionnaires the caller keeps (see keeperReachOf). */
export function keptCondition(reach: Reach): SQL | undefined {
  if (reach.all) return undefined;
  const q = questionnaires;
  const parts = [reach.regionIds.length ? inArray(q.regionId, reach.regionIds) : undefined, reach.councilIds.length ? inArray(q.councilId, reach.councilIds) : undefined].filter(Boolean);
  return parts.length ? or(...parts) : sql`false`;
}
