import type { Item } from '@mosaico/form-engine/definition';
import { ChoiceField } from './ChoiceField.tsx';
import { DisaggregatedItem } from './DisaggregatedItem.tsx';
import { RepeatItem } from './RepeatItem.tsx';
import { type Scope, useFormRuntime } from './runtime.ts';
import { CalculatedField, ScalarField } from './ScalarField.tsx';
import { TableItem } from './TableItem.tsx';

/** The control a respondent sees for an item, by its type, then what the page adds; nothing while the item is not relevant. */
export function ItemField({ item, scope }: { item: Item; scope: Scope }) {
  const rt = useFormRuntime();
  if (!rt.isRelevant(item.code, scope)) return null;
  const control = controlOf(item, scope);
  // Add-ons belong to whole items: a repeat's children are saved, copied and discussed with their repeat.
  const addons = scope === null ? rt.itemAddons?.(item) : null;
  if (!addons) return control;
  return (
    <div className="item-block" data-item={item.code}>
      {control}
      {addons}
    </div>
  );
}

function controlOf(item: Item, scope: Scope) {
  if (item.calculate) return <CalculatedField item={item} scope={scope} />;
  if (item.type === 'table') return <TableItem item={item} scope={scope} />;
  if (item.type === 'repeat') return <RepeatItem item={item} scope={scope} />;
  if (item.disaggregation) return <DisaggregatedItem item={item} scope={scope} />;
  if (item.type === 'single_choice' || item.type === 'multiple_choice' || item.type === 'yes_no') return <ChoiceField item={item} scope={scope} />;
  return <ScalarField item={item} scope={scope} />;
}
