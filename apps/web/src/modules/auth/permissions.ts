import { ROLES } from '@mosaico/contracts/vocabulary';
import type { Me, Role } from './api.ts';

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me?.roles.some((g) => roles.includes(g.role));
}

/** Which roles each manager may grant (mirrors the users policy: never wider than their own reach). */
const GRANTS_BY_ROLE: Partial<Record<Role, Role[]>> = {
  regional_coordinator: ['council_referent', 'tutor', 'data_provider', 'association_member'],
  council_referent: ['data_provider', 'association_member'],
};

export function grantableRoles(me: Me): Role[] {
  if (me.roles.some((g) => g.role === 'national_admin' && g.scopeType === 'nation')) return [...ROLES];
  const out = new Set<Role>();
  for (const g of me.roles) for (const r of GRANTS_BY_ROLE[g.role] ?? []) out.add(r);
  return ROLES.filter((r) => out.has(r));
}

export function isNationalAdmin(me: Me | null | undefined): boolean {
  return !!me?.roles.some((g) => g.role === 'national_admin' && g.scopeType === 'nation');
}

/** The ids of the scopes of a given type in which the user holds any of the roles. */
export function scopeIdsOf(me: Me, scopeType: 'region' | 'council' | 'organization', roles?: Role[]): number[] {
  return me.roles.filter((g) => g.scopeType === scopeType && g.scopeId != null && (!roles || roles.includes(g.role))).map((g) => g.scopeId as number);
}

/**
 * The keepers of a place's records (library, events, questionnaires, working groups): national admins,
 * regional coordinators in their region, council referents and tutors in their council. The API checks the place.
 */
export function canKeepPlaceRecords(me: Me | null | undefined): boolean {
  return !!me?.roles.some(
    (g) =>
      (g.role === 'national_admin' && g.scopeType === 'nation') ||
      (g.role === 'regional_coordinator' && g.scopeType === 'region') ||
      ((g.role === 'council_referent' || g.role === 'tutor') && g.scopeType === 'council'),
  );
}

/** What the interface offers each user; the API checks again, in scope, on every request. */
export const can = {
  manageUsers: (me: Me | null | undefined) => hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent'),
  viewAudit: (me: Me | null | undefined) => hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent'),
  viewOutbox: (me: Me | null | undefined) => hasRole(me, 'national_admin'),
  editCouncils: (me: Me | null | undefined) => hasRole(me, 'national_admin'),
  editOrganizations: (me: Me | null | undefined) => hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent'),
  /** The contact log is the council side's work: tutors read it, the actor's own members do not. */
  readContactLog: (me: Me | null | undefined) => hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent', 'tutor'),
  /** Monitoring forms (import, publish, derive, see drafts) are defined by the Ministry alone. */
  manageForms: (me: Me | null | undefined) => isNationalAdmin(me),
  /** Campaigns and submissions: everyone on the council side and data providers; association members take no part. */
  viewCampaigns: (me: Me | null | undefined) => !!me?.roles.some((g) => g.role !== 'association_member'),
  /** Yearly campaigns are opened by national admins. */
  createCampaigns: (me: Me | null | undefined) => isNationalAdmin(me),
  /** Members of an organisation may keep its contact details. */
  editOwnContacts: (me: Me | null | undefined, organizationId: number) =>
    !!me?.roles.some((g) => (g.role === 'data_provider' || g.role === 'association_member') && g.scopeType === 'organization' && g.scopeId === organizationId),
};
