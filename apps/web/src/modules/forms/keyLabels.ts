import type { Category, FormDefinition, I18nText, Item } from '@mosaico/form-engine/definition';

const ROW_KEY = /^([A-Za-z][A-Za-z0-9_]*)\[(\d+)\]\.(.+)$/;

type Local = (t: I18nText | undefined) => string;
type RowWord = (label: string, n: number) => string;

/**
 * Names a value key as a respondent reads it: "Persone accolte – Femmine", "Personale – Operatori, Part time",
 * "Gruppi di lavoro n. 2 › Nome del gruppo". Unknown keys are returned as they are.
 */
export function describeKey(definition: FormDefinition, key: string, local: Local, rowWord: RowWord): string {
  const { item, cell } = keyParts(definition, key, local, rowWord);
  return cell ? `${item} – ${cell}` : item;
}

/** The item a value key belongs to and, for a cell, the cell's name ("Operatori, Part time"). */
export function keyParts(definition: FormDefinition, key: string, local: Local, rowWord: RowWord): { item: string; cell: string | null } {
  const items = new Map<string, Item>();
  const add = (list: Item[]) => {
    for (const i of list) {
      items.set(i.code, i);
      if (i.items) add(i.items);
    }
  };
  for (const s of definition.sections) add(s.items);

  const row = ROW_KEY.exec(key);
  if (row) {
    const repeat = items.get(row[1]);
    const inner = describeKey(definition, row[3], local, rowWord);
    return { item: `${rowWord(repeat ? local(repeat.label) : row[1], Number(row[2]) + 1)} › ${inner}`, cell: null };
  }
  const [code, ...path] = key.split('.');
  const item = items.get(code);
  if (!item) return { item: key, cell: null };
  const label = local(item.label);
  if (!path.length) return { item: label, cell: null };
  if (item.type === 'table') {
    const r = item.rows?.find((o) => o.code === path[0]);
    const c = item.columns?.find((o) => o.code === path[1]);
    return { item: label, cell: [r ? local(r.label) : path[0], c ? local(c.label) : path[1]].join(', ') };
  }
  const combo = definition.categoryCombos.find((c) => c.code === item.disaggregation);
  const categories = (combo?.categories ?? []).map((c) => definition.categories.find((x) => x.code === c)) as (Category | undefined)[];
  const names = path.map((option, i) => {
    const o = categories[i]?.options.find((x) => x.code === option);
    return o ? local(o.label) : option;
  });
  return { item: label, cell: names.join(', ') };
}
