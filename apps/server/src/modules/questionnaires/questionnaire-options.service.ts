import { desc, ne } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { requireActor } from '../auth/scope.ts';
import { canOrganizeEvent } from '../events/events.policy.ts';
import { events } from '../events/events.schema.ts';
import { listLibraryScopes } from '../library/library.service.ts';

/** The places the caller may create questionnaires in (the same keepers as the library); any signed-in user. */
export async function listQuestionnaireScopes(ctx: Ctx) {
  return { items: (await listLibraryScopes(ctx)).items };
}

/**
 * The events a questionnaire may be attached to: those the caller organises (not cancelled), newest first, each
 * with the place a questionnaire must share with it. Any signed-in user (an empty list for non-organisers).
 */
export async function listAttachableEvents(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const rows = await ctx.db
    .select({ id: events.id, title: events.title, scopeType: events.scopeType, regionId: events.regionId, councilId: events.councilId, regionIds: events.regionIds, status: events.status, createdAt: events.createdAt })
    .from(events)
    .where(ne(events.status, 'cancelled'))
    .orderBy(desc(events.createdAt), desc(events.id));
  return {
    items: rows
      .filter((e) => canOrganizeEvent(actor, e))
      .slice(0, 500)
      .map((e) => ({
        id: e.id,
        title: e.title,
        // The questionnaire's place that matches the event (see checkEventPlace).
        scopeType: (e.scopeType === 'council' ? 'council' : e.scopeType === 'nation' ? 'nation' : 'region') as 'nation' | 'region' | 'council',
        scopeId: e.scopeType === 'council' ? e.councilId : e.scopeType === 'nation' ? null : e.regionId,
      })),
  };
}
