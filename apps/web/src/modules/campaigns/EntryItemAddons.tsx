import type { Item } from '@mosaico/form-engine/definition';
import { useEntry } from './entryContext.ts';
import { ItemHistory } from './ItemHistory.tsx';
import { PreviousValue } from './PreviousValue.tsx';

/**
 * What the data-entry page adds under each item: last year's value to copy (items marked copyLastYear), the
 * item's history, and its questions and answers.
 */
export function EntryItemAddons({ item }: { item: Item }) {
  const { comments } = useEntry();
  return (
    <div className="item-addons">
      <PreviousValue item={item} />
      {/* A calculated item is never entered, so it has no history of its own. */}
      {!item.calculate && <ItemHistory item={item} />}
      {comments.itemComments(item)}
    </div>
  );
}
