import fs from 'node:fs';
import path from 'node:path';
import { type BlockSpec, templateSave } from '@mosaico/contracts/reports';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM_FILE } from '../../forms/forms.seed.ts';
import { STARTER } from '../../indicators/indicators.seed.ts';

const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../../../../../data/reports/default-template.json');
const template = JSON.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
const form = JSON.parse(fs.readFileSync(DEFAULT_FORM_FILE, 'utf8')) as { code: string; categories: { code: string }[]; sections: { items: { code: string; type: string; categoryCombo?: string }[] }[] };

const blocks = (): BlockSpec[] => templateSave.parse(template).definition.chapters.flatMap((c) => c.blocks);
const itemCodes = new Set(form.sections.flatMap((s) => s.items.map((i) => i.code)));
const indicatorCodes = new Set(STARTER.map((i) => i.code));

describe('default report template (data/reports/default-template.json)', () => {
  it('parses with the contract and has the chapters the issue asks for, in order', () => {
    const parsed = templateSave.parse(template);
    expect(parsed.definition.chapters.map((c) => c.title.it)).toEqual([
      'Il fenomeno migratorio nella provincia',
      'Accoglienza',
      'Salute',
      'Scuola',
      'Lavoro',
      'Casa',
      'Servizi sociali',
      'Associazionismo e partecipazione',
      'Attività del Consiglio',
      'Sintesi valutativa',
      'Fonti e note',
    ]);
  });

  it('uses block keys once (narratives are stored by key)', () => {
    const keys = blocks().map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refers only to seeded indicators and existing form items', () => {
    const indicatorsUsed: string[] = [];
    const itemsUsed: string[] = [];
    for (const b of blocks()) {
      if (b.kind === 'key_figures') indicatorsUsed.push(...b.indicators);
      if (b.kind === 'map') indicatorsUsed.push(b.indicator);
      if (b.kind === 'table' || b.kind === 'chart') {
        const s = b.source;
        if (s.type === 'indicators') indicatorsUsed.push(...s.indicators);
        if (s.type === 'compare') indicatorsUsed.push(s.indicator);
        if (s.type === 'form_items') itemsUsed.push(...s.items);
        if (s.type === 'element' && s.element.startsWith(`${form.code}.`)) itemsUsed.push(s.element.slice(form.code.length + 1));
      }
    }
    expect(indicatorsUsed.filter((c) => !indicatorCodes.has(c))).toEqual([]);
    expect(itemsUsed.filter((c) => !itemCodes.has(c))).toEqual([]);
    expect(indicatorsUsed.length).toBeGreaterThan(10);
  });

  it('has every generated block family, a pyramid and a hint on every narrative', () => {
    const all = blocks();
    const kinds = new Set(all.map((b) => b.kind));
    for (const k of ['key_figures', 'table', 'chart', 'map', 'evaluation', 'good_practices', 'activities', 'narrative', 'sources']) expect(kinds).toContain(k);
    const charts = new Set(all.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])));
    expect([...charts].sort()).toEqual(['bar', 'line', 'pyramid', 'stacked']);
    expect(all.filter((b) => b.kind === 'narrative' && !b.hint?.it).map((b) => b.key)).toEqual([]);
  });
});
