import type { Item } from '@mosaico/form-engine/definition';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../forms/numbers.ts';
import { useFormRuntime } from '../forms/runtime.ts';
import { useLocalText } from '../forms/text.ts';
import { useValueText } from '../forms/valueText.ts';
import { useEntry } from './entryContext.ts';
import { previousKeysOf } from './previousCopy.ts';

/** "Valore 2024: 12 — Copia" beside an item marked copyLastYear; copying replaces the item's values, then autosave saves them. */
export function PreviousValue({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const rt = useFormRuntime();
  const local = useLocalText();
  const { previous, definition, copyItem } = useEntry();
  const text = useValueText(definition);
  if (!item.copyLastYear || !previous?.previous) return null;
  const keys = previousKeysOf(previous.values, item.code);
  if (!keys.length) return null;
  const year = previous.previous.campaign.year;
  let shown: string;
  if (keys.length === 1 && keys[0] === item.code) shown = text(item.code, previous.values[item.code]);
  else if (item.disaggregation) {
    const total = keys.reduce((n, k) => n + (typeof previous.values[k] === 'number' ? (previous.values[k] as number) : 0), 0);
    shown = t('dataEntry.previous.total', { total: formatNumber(total, i18n.language), count: keys.length });
  } else shown = t('dataEntry.previous.cells', { count: keys.length });

  return (
    <p className="previous-value small mb-1">
      <span>{t('dataEntry.previous.value', { year, value: shown })}</span>
      {!rt.readOnly && (
        <>
          {' — '}
          <button type="button" className="btn btn-link btn-sm p-0 align-baseline" onClick={() => copyItem(item.code)}>
            {t('dataEntry.previous.copy')}
            <span className="visually-hidden"> {t('dataEntry.previous.copyWhat', { year, label: local(item.label) })}</span>
          </button>
        </>
      )}
    </p>
  );
}
