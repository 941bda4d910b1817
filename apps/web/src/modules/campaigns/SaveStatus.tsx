import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { useItemLocator } from './itemLocator.ts';
import type { SaveState } from './useAutosave.ts';

interface SaveStatusProps {
  state: SaveState;
  lastSaved: Date | null;
  /** Items whose value the server refused: name and control id. */
  refused: { key: string; name: string; target: string }[];
  onSaveNow: () => void;
  onReload: () => void;
}

/**
 * The autosave's state in words, announced politely ("Modifiche non salvate", "Salvataggio…", "Salvato alle
 * 10:32"), with links to the items the server refused and an explicit "Salva ora". Sticks to the bottom of
 * the window so it is in sight while filling in.
 */
export function SaveStatus({ state, lastSaved, refused, onSaveNow, onReload }: SaveStatusProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const locator = useItemLocator();
  const time = (d: Date) => new Intl.DateTimeFormat(f.locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  const since = lastSaved ? ` ${t('dataEntry.save.lastSaved', { time: time(lastSaved) })}` : '';
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = lastSaved ? t('dataEntry.save.saved', { time: time(lastSaved) }) : t('dataEntry.save.idle');
      break;
    case 'dirty':
      text = `${t('dataEntry.save.dirty')}${since}`;
      break;
    case 'saving':
      text = t('dataEntry.save.saving');
      break;
    case 'saved':
      text = t('dataEntry.save.saved', { time: time(state.at) });
      break;
    case 'nothing':
      // Asked to save when everything already is: say when it was.
      text = lastSaved ? t('dataEntry.save.saved', { time: time(lastSaved) }) : t('dataEntry.save.nothing');
      break;
    case 'failed':
      text = t('dataEntry.save.failed', { message: state.message });
      break;
    case 'stopped':
      text = t('dataEntry.save.stopped', { message: state.message });
      break;
    case 'conflict':
      text = t('dataEntry.save.conflict');
      break;
  }
  const problem = state.kind === 'failed' || state.kind === 'stopped' || state.kind === 'conflict' || refused.length > 0;
  return (
    <div className={`save-bar${problem ? ' save-bar-problem' : ''}`}>
      <div className="save-bar-text">
        <p className="mb-0" role="status" aria-live="polite">
          {text}
          {refused.length > 0 && ` ${t('dataEntry.save.refused', { count: refused.length })}`}
        </p>
        {refused.length > 0 && (
          <ul className="save-refused mb-0">
            {refused.map((r) => (
              <li key={r.key}>
                <a
                  href={`#${r.target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    locator?.go(r.target);
                  }}
                >
                  {r.name}
                </a>
              </li>
            ))}
          </ul>
        )}
        {state.kind === 'conflict' && (
          <a className="d-inline-block" href="#sub-conflict">
            {t('dataEntry.save.toConflict')}
          </a>
        )}
      </div>
      {state.kind === 'stopped' || state.kind === 'conflict' ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
          {t('campaigns.entry.reload')}
        </button>
      ) : (
        // Never disabled: leaving a field starts a save just before the click lands, and the click then queues another.
        <button type="button" className="btn btn-primary btn-sm" onClick={onSaveNow}>
          {t('dataEntry.save.now')}
        </button>
      )}
    </div>
  );
}
