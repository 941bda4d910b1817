import { blockSpec } from '@mosaico/contracts/reports';
import { describe, expect, it } from 'vitest';
import { blockOf, EMPTY_BLOCK } from './template-blocks.ts';

describe('blockOf', () => {
  it('makes a chart over the listed indicators that the contract accepts', () => {
    const b = blockOf({ ...EMPTY_BLOCK, kind: 'chart', key: 'serie', title: 'Serie', indicators: 'stranieri_residenti, quota_stranieri ,', chart: 'line' });
    expect(b).toEqual({ kind: 'chart', key: 'serie', title: { it: 'Serie' }, chart: 'line', source: { type: 'indicators', indicators: ['stranieri_residenti', 'quota_stranieri'], years: 5 } });
    expect(blockSpec.safeParse(b).success).toBe(true);
  });

  it('keeps a narrative hint and leaves out an empty title', () => {
    expect(blockOf({ ...EMPTY_BLOCK, key: 'testo', hint: ' Scrivete qui. ' })).toEqual({ kind: 'narrative', key: 'testo', title: undefined, hint: { it: 'Scrivete qui.' } });
  });

  it('produces a spec the contract refuses for a bad key, so the server names it', () => {
    expect(blockSpec.safeParse(blockOf({ ...EMPTY_BLOCK, kind: 'sources', key: 'Fonti Dati' })).success).toBe(false);
  });
});
