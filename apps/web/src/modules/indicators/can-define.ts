import type { Me } from '../auth/api.ts';
import { hasRole } from '../auth/permissions.ts';

/** National admins define indicators; regional coordinators define custom ones of their region (the API checks which). */
export function canDefineIndicators(me: Me | null | undefined): boolean {
  return hasRole(me, 'national_admin', 'regional_coordinator');
}
