import type { Me } from '../auth/api.ts';
import { isNationalAdmin } from '../auth/permissions.ts';
import type { Council } from '../councils/api.ts';

/** Reports are read by national admins, regional coordinators, council referents and tutors (the reports policy). */
export function canReadReports(me: Me | null | undefined): boolean {
  return !!me?.roles.some((g) => g.role === 'national_admin' || g.role === 'regional_coordinator' || g.role === 'council_referent' || g.role === 'tutor');
}

/**
 * The councils whose report this user may generate, as the interface offers them (the server checks again):
 * national admins all; council referents and tutors their councils (or their region's, for a regional tutor).
 * Regional coordinators read and batch-generate, but do not write single reports.
 */
export function councilsToGenerate(me: Me, councils: Council[]): Council[] {
  if (isNationalAdmin(me)) return councils;
  const writers = me.roles.filter((g) => g.role === 'council_referent' || g.role === 'tutor');
  const nation = writers.some((g) => g.scopeType === 'nation');
  const regions = new Set(writers.filter((g) => g.scopeType === 'region').map((g) => g.scopeId));
  const own = new Set(writers.filter((g) => g.scopeType === 'council').map((g) => g.scopeId));
  return councils.filter((c) => nation || regions.has(c.region.id) || own.has(c.id));
}

/** Batches cover a whole campaign: national admins and regional coordinators. */
export function canRunBatches(me: Me): boolean {
  return isNationalAdmin(me) || me.roles.some((g) => g.role === 'regional_coordinator');
}
