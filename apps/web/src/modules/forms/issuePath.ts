import type { TFunction } from 'i18next';

/** Turning the API's issue paths (`definition.sections.2.items.5.relevant`) into words an author recognises. */

const NUMBERED: Record<string, string> = {
  sections: 'forms.path.section',
  items: 'forms.path.item',
  categories: 'forms.path.category',
  categoryCombos: 'forms.path.combo',
  options: 'forms.path.option',
  choices: 'forms.path.choice',
  rows: 'forms.path.row',
  columns: 'forms.path.column',
  rules: 'forms.path.rule',
};

/** Properties whose value is an expression of the engine's language. */
export const EXPRESSION_FIELDS = new Set(['relevant', 'constraint', 'calculate', 'required', 'left', 'right']);

export interface ReadablePath {
  /** e.g. "Sezione 3 › voce 6 › relevant". */
  text: string;
  /** The code of the innermost element with one (item, section, rule…), when the definition sent has it. */
  code: string | null;
  /** The value at that path in the definition sent, when there is one. */
  value: unknown;
  /** The last property name, e.g. "relevant". */
  property: string | null;
}


/** Describes an issue's field, looking up codes and values in the definition that was sent. */
export function describePath(field: string, definition: unknown, t: TFunction): ReadablePath {
  const parts = field.split('.').filter((p) => p !== '');
  if (parts[0] === 'definition') parts.shift();
  const words: string[] = [];
  let node: unknown = definition;
  let code: string | null = null;
  let property: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    const label = NUMBERED[part];
    if (label && next !== undefined && /^\d+$/.test(next)) {
      const word = t(label, { n: Number(next) + 1 });
      words.push(words.length ? word : word.charAt(0).toUpperCase() + word.slice(1));
      node = child(child(node, part), next);
      const c = child(node, 'code');
      if (typeof c === 'string') code = c;
      i++;
      continue;
    }
    // A property of the form itself reads "Modulo › code".
    if (!words.length) words.push(t('forms.path.form'));
    words.push(part);
    property = part;
    node = child(node, part);
  }
  return { text: words.length ? words.join(' › ') : t('forms.path.form'), code, value: node, property };
}

function child(node: unknown, key: string): unknown {
  if (node == null || typeof node !== 'object') return undefined;
  return (node as Record<string, unknown>)[key];
}
