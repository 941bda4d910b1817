import type { Item } from '@mosaico/form-engine/definition';
import { ItemHistory } from './ItemHistory.tsx';
import { PreviousValue } from './PreviousValue.tsx';

/**
 * What the data-entry page adds under each item: last year's value to copy (items marked copyLastYear) and
 * the item's history. Further per-item tools (comment threads) go here, one block each, reading the
 * submission from useEntry().
 */
export function EntryItemAddons({ item }: { item: Item }) {
  return (
    <div className="item-addons">
      <PreviousValue item={item} />
      {/* A calculated item is never entered, so it has no history of its own. */}
      {!item.calculate && <ItemHistory item={item} />}
    </div>
  );
}
