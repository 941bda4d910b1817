import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useErrorMessage } from './QueryError.tsx';

interface DeleteMutation {
  mutateAsync: (version: number) => Promise<unknown>;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** A delete button with a confirmation step; a refusal is shown, and a version conflict offers to reload. */
export function DeleteWithConfirmation(props: {
  version: number;
  remove: DeleteMutation;
  labels: { open: string; question: string; confirm: string };
  onDeleted: () => void;
  onReload: () => void;
}) {
  const { version, remove, labels, onDeleted, onReload } = props;
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const confirm = async () => {
    try {
      await remove.mutateAsync(version);
      onDeleted();
    } catch {
      setConfirming(false);
    }
  };
  return (
    <div className="mb-4">
      {remove.isError && (
        <div className="alert alert-danger" role="alert">
          <p className="mb-2">{messageOf(remove.error)}</p>
          {isApiError(remove.error) && remove.error.code === 'version_conflict' && (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
              {t('form.reloadLatest')}
            </button>
          )}
        </div>
      )}
      {confirming ? (
        <div className="alert alert-warning">
          <p>{labels.question}</p>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-danger" onClick={confirm} disabled={remove.isPending}>
              {labels.confirm}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)}>
          {labels.open}
        </button>
      )}
    </div>
  );
}
