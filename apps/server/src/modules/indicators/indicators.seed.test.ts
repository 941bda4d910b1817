import fs from 'node:fs';
import path from 'node:path';
import { parseIndicatorFormula } from '@mosaico/form-engine/indicator-formula';
import { describe, expect, it } from 'vitest';
import { referencesOf, STARTER, THEMES } from './indicators.seed.ts';

const data = path.resolve(import.meta.dirname, '../../../../../data');
const statisticsCodes = new Set([...fs.readFileSync(path.join(data, 'statistics/README.md'), 'utf8').matchAll(/`((?:istat|ministero)\.[a-z_]+)`/g)].map((m) => m[1]));
const form = JSON.parse(fs.readFileSync(path.join(data, 'forms/scheda-cti.json'), 'utf8')) as { code: string; sections: { items: { code: string; type: string }[] }[] };
const numericItems = new Set(form.sections.flatMap((s) => s.items.filter((i) => ['integer', 'decimal', 'percentage'].includes(i.type)).map((i) => `${form.code}.${i.code}`)));

describe('the starter set', () => {
  it.each(STARTER.map((i) => [i.code, i]))('%s parses and uses only shipped data elements and known themes', (_code, indicator) => {
    for (const f of [indicator.numerator, indicator.denominator, indicator.weight]) if (f) expect(parseIndicatorFormula(f).ok).toBe(true);
    const { elements, uses } = referencesOf(indicator.numerator, indicator.denominator, indicator.weight);
    for (const e of elements) expect(statisticsCodes.has(e) || numericItems.has(e), e).toBe(true);
    expect(uses).toEqual([]);
    for (const t of indicator.themes ?? []) expect(THEMES.map((x) => x.code)).toContain(t);
  });

  it('covers what the issue asks for', () => {
    const codes = STARTER.map((i) => i.code);
    for (const c of ['stranieri_residenti', 'quota_stranieri', 'quota_donne_straniere', 'variazione_stranieri', 'acquisizioni_cittadinanza_1000', 'accolti_1000_abitanti', 'accolti_hotspot_1000_abitanti', 'accolti_centri_1000_abitanti', 'accolti_sai_1000_abitanti', 'nati_stranieri_1000', 'saldo_migratorio_estero']) {
      expect(codes).toContain(c);
    }
    expect(statisticsCodes.size).toBeGreaterThanOrEqual(8);
  });
});
