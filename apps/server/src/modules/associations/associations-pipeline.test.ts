import { ENGAGEMENT_STATUSES } from '@mosaico/contracts/participation';
import { describe, expect, it } from 'vitest';
import { checkTransition } from './associations.service.ts';

describe('the engagement pipeline', () => {
  it('goes forward by one or more steps, never back, never to the same step', () => {
    expect(checkTransition('identified', 'contacted')).toBeNull();
    expect(checkTransition('identified', 'met')).toBeNull();
    expect(checkTransition('contacted', 'taking_part')).toBeNull();
    expect(checkTransition('met', 'contacted')).toBe('association_status_backwards');
    expect(checkTransition('taking_part', 'identified')).toBe('association_status_backwards');
    for (const s of ENGAGEMENT_STATUSES) expect(checkTransition(s, s)).toBe('association_status_same');
  });

  it('lets any step become inactive, and an inactive association return at any step', () => {
    for (const s of ENGAGEMENT_STATUSES.filter((x) => x !== 'inactive')) {
      expect(checkTransition(s, 'inactive')).toBeNull();
      expect(checkTransition('inactive', s)).toBeNull();
    }
  });
});
