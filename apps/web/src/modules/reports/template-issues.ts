import type { TemplateDefinition } from '@mosaico/contracts/reports';

/**
 * Where a server validation issue points, in words: "definition.chapters.2.blocks.0.key" becomes
 * "Capitolo 3 (Salute) › blocco 1 (salute_intro) › key", so the author finds it in either editor.
 */
export function describeIssuePath(field: string, def: TemplateDefinition | null, words: { chapter: string; block: string }): string {
  const parts = field.split('.');
  const out: string[] = [];
  let i = parts[0] === 'definition' ? 1 : 0;
  if (parts[i] === 'chapters' && parts[i + 1] !== undefined) {
    const c = Number(parts[i + 1]);
    const chapter = def?.chapters[c];
    out.push(`${words.chapter} ${c + 1}${chapter?.title?.it ? ` (${chapter.title.it})` : ''}`);
    i += 2;
    if (parts[i] === 'blocks' && parts[i + 1] !== undefined) {
      const b = Number(parts[i + 1]);
      const block = chapter?.blocks[b];
      out.push(`${words.block} ${b + 1}${block?.key ? ` (${block.key})` : ''}`);
      i += 2;
    }
  }
  const rest = parts.slice(i).join('.');
  if (rest) out.push(rest);
  return out.join(' › ');
}
