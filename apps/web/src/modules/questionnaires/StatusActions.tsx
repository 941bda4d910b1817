import { useTranslation } from 'react-i18next';
import { useFlash } from '../../ui/Flash.tsx';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { type Questionnaire, useUpdateQuestionnaire } from './api.ts';

/** Open a draft (its questions then freeze), close an open questionnaire, reopen a closed one. */
export function StatusActions({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const update = useUpdateQuestionnaire(q.id);
  const next = q.status === 'draft' ? 'open' : q.status === 'open' ? 'closed' : 'open';
  const label = q.status === 'draft' ? t('questionnaires.actions.open') : q.status === 'open' ? t('questionnaires.actions.close') : t('questionnaires.actions.reopen');
  const change = async () => {
    try {
      const after = await update.mutateAsync({ version: q.version, status: next });
      flash.show(t(`questionnaires.actions.done.${after.status}`, { title: after.title }));
    } catch {
      // Shown below.
    }
  };
  return (
    <div className="mb-4">
      {q.status === 'draft' && <p>{t('questionnaires.actions.openHint')}</p>}
      <button type="button" className={`btn ${q.status === 'open' ? 'btn-outline-primary' : 'btn-primary'}`} onClick={change} disabled={update.isPending}>
        {label}
      </button>
      {update.isError && (
        <Alert variant="danger" className="mt-3" role="alert">
          <p className="mb-0">{messageOf(update.error)}</p>
        </Alert>
      )}
    </div>
  );
}
