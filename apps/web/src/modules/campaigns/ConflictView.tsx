import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useValueText } from '../forms/valueText.ts';
import type { Conflict } from './useAutosave.ts';

/**
 * Someone else saved the same items: both versions side by side (long texts whole), nothing overwritten.
 * The person copies what they need and reloads.
 */
export function ConflictView({ conflict, definition, nameOf, onReload }: { conflict: Conflict; definition: FormDefinition; nameOf: (key: string) => string; onReload: () => void }) {
  const { t } = useTranslation();
  const valueText = useValueText(definition);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const show = (key: string, v: unknown) => (typeof v === 'string' ? v : valueText(key, v));
  return (
    <div id="sub-conflict" ref={ref} tabIndex={-1} className="alert alert-warning" role="alert">
      <h3 className="h5">{t('campaigns.entry.conflictTitle')}</h3>
      <p>{conflict.message}</p>
      <p>{t('campaigns.entry.conflictHelp')}</p>
      {conflict.values.map((c) => (
        <div key={c.key} className="mb-3">
          <h4 className="h6">{nameOf(c.key)}</h4>
          <div className="row">
            <div className="col-12 col-md-6">
              <p className="fw-semibold mb-1">{t('campaigns.entry.yourText')}</p>
              <pre className="conflict-text border p-2">{show(c.key, c.mine)}</pre>
            </div>
            <div className="col-12 col-md-6">
              <p className="fw-semibold mb-1">{t('campaigns.entry.serverText')}</p>
              <pre className="conflict-text border p-2">{show(c.key, c.theirs)}</pre>
            </div>
          </div>
        </div>
      ))}
      <button type="button" className="btn btn-primary" onClick={onReload}>
        {t('campaigns.entry.reload')}
      </button>
    </div>
  );
}
