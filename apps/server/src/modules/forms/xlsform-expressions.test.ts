// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${code} is the reference syntax of the expression language, not a template.
import type { ItemType } from '@mosaico/form-engine/definition';
import { describe, expect, it } from 'vitest';
import { convertExpression } from './xlsform-expressions.ts';

const types: Record<string, ItemType> = { sesso: 'single_choice', servizi: 'multiple_choice', ok: 'yes_no', eta: 'integer', nome: 'text', residenti: 'integer' };
const typeOf = (code: string) => types[code];

describe('XLSForm expressions in Mosaico', () => {
  it.each([
    ['${sesso} = 1', "${sesso} = '1'"],
    ['2 != ${sesso}', "'2' != ${sesso}"],
    ['selected(${servizi}, 3) and not(${sesso} = 1)', "selected(${servizi}, '3') and not(${sesso} = '1')"],
    ["${sesso} = '1' or ${eta} = 1", "${sesso} = '1' or ${eta} = 1"],
    ['${nome} = 1', '${nome} = 1'],
    ['${residenti.m.1} = 1', '${residenti.m.1} = 1'],
    ['concat(${nome}, "x")', 'concat(${nome}, "x")'],
    ['${sesso} = (1', '${sesso} = (1'],
    ["if(${ok} = 'yes', 1, 0)", "if(${ok} = 'yes', 1, 0)"],
  ])('%s → %s', (xlsform, mosaico) => {
    expect(convertExpression(xlsform, typeOf)).toBe(mosaico);
  });

  it('reads the dot as the item’s own value in a constraint', () => {
    expect(convertExpression('. != 9', typeOf, 'single_choice')).toBe(". != '9'");
    expect(convertExpression('. != 9', typeOf, 'integer')).toBe('. != 9');
  });
});
