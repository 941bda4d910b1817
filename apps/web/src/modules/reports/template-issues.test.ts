import type { TemplateDefinition } from '@mosaico/contracts/reports';
import { describe, expect, it } from 'vitest';
import { describeIssuePath } from './template-issues.ts';

const def: TemplateDefinition = {
  chapters: [
    { key: 'intro', title: { it: 'Introduzione' }, blocks: [{ kind: 'narrative', key: 'intro_testo' }] },
    { key: 'salute', title: { it: 'Salute' }, blocks: [{ kind: 'narrative', key: 'salute_testo' }, { kind: 'map', key: 'salute_mappa', title: { it: 'Mappa' }, indicator: 'x' }] },
  ],
};
const words = { chapter: 'Capitolo', block: 'blocco' };

describe('describeIssuePath', () => {
  it.each([
    ['definition.chapters.1.blocks.1.indicator', 'Capitolo 2 (Salute) › blocco 2 (salute_mappa) › indicator'],
    ['definition.chapters.0.title.it', 'Capitolo 1 (Introduzione) › title.it'],
    ['definition.chapters.1.blocks', 'Capitolo 2 (Salute) › blocks'],
    ['name.it', 'name.it'],
  ])('%s → %s', (field, words_) => {
    expect(describeIssuePath(field, def, words)).toBe(words_);
  });

  it('names positions alone when the definition is not at hand (the JSON editor)', () => {
    expect(describeIssuePath('definition.chapters.4.blocks.0.key', null, words)).toBe('Capitolo 5 › blocco 1 › key');
  });
});
