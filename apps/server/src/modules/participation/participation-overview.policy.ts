import { AppError } from '../../platform/http/errors.ts';
import type { PlaceReadReach } from '../auth/place-policy.ts';

/**
 * Who sees which overview: a council's by those with a role in it or in its region (and national roles); a
 * region's by those with a role in the region; the nation's by national roles. A council referent does not see
 * the region's figures, which sum other councils' work; organisation roles see none.
 */
export function assertSeesCouncil(reach: PlaceReadReach, council: { id: number; regionId: number }) {
  if (!reach.all && !reach.regionIds.includes(council.regionId) && !reach.councilIds.includes(council.id)) throw new AppError('forbidden', 'forbidden');
}

export function assertSeesRegion(reach: PlaceReadReach, regionId: number) {
  if (!reach.all && !reach.regionIds.includes(regionId)) throw new AppError('forbidden', 'forbidden');
}
