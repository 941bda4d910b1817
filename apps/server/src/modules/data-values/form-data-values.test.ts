import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileForm } from '@mosaico/form-engine/compile-form';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { evaluateForm } from '@mosaico/form-engine/evaluate-form';
import { describe, expect, it } from 'vitest';
import { dataElementsOf, dataValuesOf, disaggregationKey } from './form-data-values.ts';

const definition = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../../data/forms/scheda-cti.json'), 'utf8')) as FormDefinition;
const form = compileForm(definition);
const figuresOf = (values: Record<string, unknown>) => {
  const figures = dataValuesOf(form, evaluateForm(form, values), values);
  return new Map(figures.map((f) => [`${f.elementCode}|${disaggregationKey(f.dimensions)}`, f.value]));
};

describe('data elements of the default form', () => {
  it('are its numeric and yes/no items and its numeric table columns, never texts or repeat children', () => {
    const codes = dataElementsOf(form).map((e) => e.code);
    expect(codes).toContain('scheda-cti.pres_incidenza');
    expect(codes).toContain('scheda-cti.cons_formazione.ore');
    expect(codes).not.toContain('scheda-cti.cons_formazione');
    expect(codes).not.toContain('scheda-cti.gen_referente');
    expect(codes.some((c) => c.startsWith('scheda-cti.val_buone_pratiche.'))).toBe(false);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('figures of a submission', () => {
  it('include calculated values, totals of disaggregations, their cells and table cells', () => {
    const figures = figuresOf({
      pres_popolazione_totale: 1000,
      'pres_residenti.m.ue': 40,
      'pres_residenti.f.africa': 60,
      'cons_formazione.lettura_dati.ore': 12.5,
      'cons_formazione.lettura_dati.giornate': 2,
    });
    expect(figures.get('scheda-cti.pres_residenti|')).toBe(100);
    expect(figures.get('scheda-cti.pres_residenti|area_cittadinanza=africa;sesso=f')).toBe(60);
    expect(figures.get('scheda-cti.pres_incidenza|')).toBe(10);
    expect(figures.get('scheda-cti.pres_residenti_non_ue|')).toBe(60);
    expect(figures.get('scheda-cti.cons_formazione.ore|cons_formazione=lettura_dati')).toBe(12.5);
    expect(figures.get('scheda-cti.cons_formazione_ore|')).toBe(12.5);
    // Nothing is invented for what was not entered.
    expect(figures.has('scheda-cti.pres_residenti|area_cittadinanza=asia;sesso=f')).toBe(false);
    expect(figures.has('scheda-cti.cons_formazione.partecipanti|cons_formazione=lettura_dati')).toBe(false);
  });

  it('turn yes/no into 1/0 and leave out what skip logic hides', () => {
    expect(figuresOf({ acc_cas_attivi: 'yes', 'acc_cas_presenti.f.y18_29': 5 }).get('scheda-cti.acc_cas_presenti|')).toBe(5);
    const hidden = figuresOf({ acc_cas_attivi: 'no', 'acc_cas_presenti.f.y18_29': 5 });
    expect(hidden.get('scheda-cti.acc_cas_attivi|')).toBe(0);
    expect(hidden.has('scheda-cti.acc_cas_presenti|')).toBe(false);
  });
});
