import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { controlId } from '../forms/runtime.ts';
import { useValueText } from '../forms/valueText.ts';
import { useItemLocator } from './itemLocator.ts';
import { Change } from './ItemHistory.tsx';
import { useSubmissionHistory } from './entry-api.ts';

const PAGE = 50;

/** "Tutte le modifiche": every change of a value the user may read, newest first, loaded on demand, 50 at a time. */
export function SubmissionHistory({ submissionId, definition, nameOf }: { submissionId: number; definition: FormDefinition; nameOf: (key: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const locator = useItemLocator();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const q = useSubmissionHistory(submissionId, open);
  const text = useValueText(definition);
  const rows = q.data ?? [];
  return (
    <section aria-labelledby="sub-history-title" className="mb-5">
      <h2 id="sub-history-title" className="h3">
        {t('dataEntry.history.allTitle')}
      </h2>
      <button type="button" className="btn btn-outline-primary btn-sm mb-3" aria-expanded={open} aria-controls="sub-history-panel" onClick={() => setOpen((o) => !o)}>
        {open ? t('dataEntry.history.hideAll') : t('dataEntry.history.showAll')}
      </button>
      <div id="sub-history-panel" hidden={!open}>
        {open && q.isPending && <p>{t('common.loading')}</p>}
        {open && q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
        {open && q.data && rows.length === 0 && <p>{t('dataEntry.history.none')}</p>}
        {open && rows.length > 0 && (
          <>
            <div className="table-responsive">
              <table className="table table-sm history-table">
                <caption>{t('dataEntry.history.caption', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dataEntry.history.when')}</th>
                    <th scope="col">{t('dataEntry.history.who')}</th>
                    <th scope="col">{t('dataEntry.history.item')}</th>
                    <th scope="col">{t('dataEntry.history.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, shown).map((h, i) => {
                    const target = controlId({ idPrefix: 'sub' }, h.key);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced whole
                      <tr key={i}>
                        <td className="text-nowrap">{f.dateTime(h.at)}</td>
                        <td>{h.by?.name ?? t('dataEntry.history.unknownUser')}</td>
                        <td>
                          {locator?.sectionOf(target) ? (
                            <a
                              href={`#${target}`}
                              onClick={(e) => {
                                e.preventDefault();
                                locator.go(target);
                              }}
                            >
                              {nameOf(h.key)}
                            </a>
                          ) : (
                            nameOf(h.key)
                          )}
                        </td>
                        <td className="history-change">
                          <Change entry={h} text={text} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {rows.length > shown && (
              <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setShown((n) => n + PAGE)}>
                {t('dataEntry.history.more', { count: Math.min(PAGE, rows.length - shown) })}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
