import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canKeepPlace, canReadPlace, type PlaceReadReach, type SharedPlace } from '../auth/place-policy.ts';
import { requireActor } from '../auth/scope.ts';
import { workingGroups } from './working-groups.schema.ts';

/**
 * A working group is a record shared at its place: kept by the region's coordinators and the council's referents
 * and tutors (national admins everywhere), read by everyone whose roles sit there. Only keepers see members' e-mails
 * and the draft meetings.
 */
export const canKeepGroup = (actor: Actor, g: SharedPlace) => canKeepPlace(actor, g);

export function assertCanKeepGroup(actor: Actor | null, g: SharedPlace): Actor {
  const a = requireActor(actor);
  if (!canKeepGroup(a, g)) throw new AppError('forbidden', 'forbidden');
  return a;
}

export function assertCanReadGroup(reach: PlaceReadReach, g: SharedPlace) {
  if (!canReadPlace(reach, g)) throw new AppError('forbidden', 'forbidden');
}

/** The groups a read reach covers, as SQL (the same rule as canReadPlace). */
export function readableGroups(reach: PlaceReadReach): SQL | undefined {
  if (reach.all) return undefined;
  return (
    or(
      reach.regionIds.length ? inArray(workingGroups.regionId, reach.regionIds) : undefined,
      reach.councilIds.length ? inArray(workingGroups.councilId, reach.councilIds) : undefined,
      reach.regionRecordIds.length ? and(inArray(workingGroups.regionId, reach.regionRecordIds), sql`${workingGroups.councilId} is null`) : undefined,
    ) ?? sql`false`
  );
}
