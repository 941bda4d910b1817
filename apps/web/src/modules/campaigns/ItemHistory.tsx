import type { Item } from '@mosaico/form-engine/definition';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { keyParts } from '../forms/keyLabels.ts';
import { useLocalText } from '../forms/text.ts';
import { useValueText } from '../forms/valueText.ts';
import { useEntry } from './entryContext.ts';
import { type HistoryEntry, useItemHistory } from './entry-api.ts';

/** "3 → 5", the arrow said in words to screen readers. */
export function Change({ entry, text }: { entry: HistoryEntry; text: (key: string, v: unknown) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="history-before">{text(entry.key, entry.before)}</span>{' '}
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('dataEntry.history.becomes')}</span>{' '}
      <span className="history-after">{text(entry.key, entry.after)}</span>
    </>
  );
}

/** "Cronologia" under an item: who changed it, when, before → after (each cell of a grid by name), loaded on opening. */
export function ItemHistory({ item }: { item: Item }) {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const { submission, definition } = useEntry();
  const [open, setOpen] = useState(false);
  const q = useItemHistory(submission.id, item.code, open);
  const text = useValueText(definition);
  const panel = useId();
  const rowWord = (label: string, n: number) => t('forms.preview.repetition', { label, n });
  const cellOf = (key: string) => keyParts(definition, key, local, rowWord).cell;
  return (
    <div className="item-history">
      <button type="button" className="btn btn-link btn-sm p-0" aria-expanded={open} aria-controls={panel} onClick={() => setOpen((o) => !o)}>
        {t('dataEntry.history.toggle')}
        <span className="visually-hidden">: {local(item.label)}</span>
      </button>
      <div id={panel} hidden={!open} className="item-history-panel">
        {open && q.isPending && <p className="small mb-0">{t('common.loading')}</p>}
        {open && q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
        {open && q.data?.length === 0 && <p className="small mb-0">{t('dataEntry.history.none')}</p>}
        {open && q.data && q.data.length > 0 && (
          <ol className="list-unstyled small mb-0">
            {q.data.map((h, i) => {
              const cell = cellOf(h.key);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced whole
                <li key={i} className="mb-1">
                  <span className="fw-semibold">{f.dateTime(h.at)}</span>, {h.by?.name ?? t('dataEntry.history.unknownUser')}: {cell && <>{cell}: </>}
                  <Change entry={h} text={text} />
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </div>
  );
}
