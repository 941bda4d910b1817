import { type Node, walk } from '@mosaico/form-engine/ast';
import type { ItemType } from '@mosaico/form-engine/definition';
import { parseExpression } from '@mosaico/form-engine/parser';

const CODED: ReadonlySet<ItemType> = new Set(['single_choice', 'multiple_choice', 'yes_no']);

/**
 * Turns an XLSForm expression into Mosaico's where the two differ. Mosaico's language is XLSForm's own
 * (`${x}`, `.`, and/or/not, if(), selected(), count-selected(), sum(), round(), regex(), today()…), with one
 * difference: it never converts between text and numbers, while XPath does. XLSForm authors compare choice
 * questions with numeric choice names unquoted (`${sex} = 1`, `selected(${services}, 2)`), which XPath
 * reads as a text comparison; here the number is quoted, which means the same. Everything else is left as
 * written: what Mosaico does not know (concat(), jr:choice-name(), /data/x paths…) is reported by the
 * definition checks with its position. An expression that does not parse is returned unchanged for the
 * same reason.
 */
export function convertExpression(src: string, typeOf: (code: string) => ItemType | undefined, selfType?: ItemType): string {
  let tree: Node;
  try {
    tree = parseExpression(src);
  } catch {
    return src;
  }
  const coded = (n: Node) =>
    (n.kind === 'ref' && n.path.length === 1 && CODED.has(typeOf(n.path[0]) as ItemType)) || (n.kind === 'self' && !!selfType && CODED.has(selfType));
  const quote: { start: number; end: number }[] = [];
  walk(tree, (n) => {
    if (n.kind === 'binary' && (n.op === '=' || n.op === '!=')) {
      if (coded(n.left) && n.right.kind === 'number') quote.push(n.right);
      if (coded(n.right) && n.left.kind === 'number') quote.push(n.left);
    } else if (n.kind === 'call' && n.name === 'selected' && n.args.length === 2 && n.args[1].kind === 'number') {
      quote.push(n.args[1]);
    }
  });
  let out = src;
  for (const { start, end } of quote.sort((a, b) => b.start - a.start)) out = `${out.slice(0, start)}'${out.slice(start, end)}'${out.slice(end)}`;
  return out;
}
