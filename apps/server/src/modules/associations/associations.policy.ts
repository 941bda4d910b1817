import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type Reach, reaches } from '../auth/scope.ts';
import { councils } from '../councils/councils.schema.ts';
import { editReachOf } from '../organizations/organizations.policy.ts';

// The registry itself follows the organisations' policy (an association is an organisation). Join requests carry
// a requester's personal data: only those who register organisations at the request's council see and decide
// them — national admins, the region's coordinators and the council's referents (not tutors, not members).

/** The councils whose join requests the actor keeps; 401 without an actor, 403 for one who keeps none. */
export const joinRequestReachOf = (actor: Actor | null): Reach => editReachOf(actor);

/** The councils a keeper reach covers, as SQL over `councils`. */
export function keptCouncils(reach: Reach): SQL | undefined {
  if (reach.all) return undefined;
  return (
    or(
      reach.regionIds.length ? inArray(councils.regionId, reach.regionIds) : undefined,
      reach.councilIds.length ? inArray(councils.id, reach.councilIds) : undefined,
    ) ?? sql`false`
  );
}

export function assertKeepsJoinRequest(reach: Reach, council: { id: number; regionId: number }) {
  if (!reaches(reach, { regionId: council.regionId, councilId: council.id })) throw new AppError('forbidden', 'forbidden');
}
