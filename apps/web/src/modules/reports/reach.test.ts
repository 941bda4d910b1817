import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/api.ts';
import type { Council } from '../councils/api.ts';
import { canReadReports, canRunBatches, councilsToGenerate } from './reach.ts';

const council = (id: number, regionId: number) => ({ id, name: `C${id}`, region: { id: regionId, code: String(regionId), name: `R${regionId}` } }) as Council;
const councils = [council(1, 10), council(2, 10), council(3, 20)];
const me = (...roles: [string, string, number | null][]) => ({ id: 1, name: 'x', email: 'x', roles: roles.map(([role, scopeType, scopeId]) => ({ role, scopeType, scopeId })) }) as unknown as Me;

describe('who is offered what on the reports pages', () => {
  it('national admins generate any council, batch and read', () => {
    const a = me(['national_admin', 'nation', null]);
    expect(councilsToGenerate(a, councils).map((c) => c.id)).toEqual([1, 2, 3]);
    expect(canRunBatches(a) && canReadReports(a)).toBe(true);
  });

  it('a referent generates only their council and runs no batch', () => {
    const r = me(['council_referent', 'council', 2]);
    expect(councilsToGenerate(r, councils).map((c) => c.id)).toEqual([2]);
    expect(canRunBatches(r)).toBe(false);
  });

  it('a regional coordinator batches and reads but generates no single report', () => {
    const c = me(['regional_coordinator', 'region', 10]);
    expect(councilsToGenerate(c, councils)).toEqual([]);
    expect(canRunBatches(c) && canReadReports(c)).toBe(true);
  });

  it('a regional tutor generates the region’s councils', () => {
    expect(councilsToGenerate(me(['tutor', 'region', 10]), councils).map((c) => c.id)).toEqual([1, 2]);
  });

  it('data providers and association members do not see reports', () => {
    expect(canReadReports(me(['data_provider', 'organization', 5]))).toBe(false);
    expect(canReadReports(me(['association_member', 'organization', 6]))).toBe(false);
  });
});
