import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** The message of a failed request, in the user's language; "network" failures get our own text. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) {
      if (error.code === 'network') return t('errors.network');
      return error.message || t('errors.generic');
    }
    return t('errors.generic');
  };
}

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows why data could not be loaded, with a retry button. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const messageOf = useErrorMessage();
  return (
    <div className="alert alert-danger" role="alert">
      <p className="mb-2">{messageOf(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
