import type { Me } from '../auth/api.ts';
import { isNationalAdmin } from '../auth/permissions.ts';
import type { Council } from '../councils/api.ts';

/**
 * The councils whose report this user may generate, as the interface offers them (the server checks again):
 * national admins all; regional coordinators their region's; council referents and tutors their councils.
 */
export function councilsToGenerate(me: Me, councils: Council[]): Council[] {
  if (isNationalAdmin(me)) return councils;
  const regions = new Set(me.roles.filter((g) => g.role === 'regional_coordinator' && g.scopeType === 'region').map((g) => g.scopeId));
  const own = new Set(me.roles.filter((g) => (g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council').map((g) => g.scopeId));
  return councils.filter((c) => regions.has(c.region.id) || own.has(c.id));
}

/** Batches cover a whole campaign: national admins and regional coordinators. */
export function canRunBatches(me: Me): boolean {
  return isNationalAdmin(me) || me.roles.some((g) => g.role === 'regional_coordinator');
}
