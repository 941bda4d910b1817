import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The buttons closing a filter form: apply, and reset back to `resetTo` (the page without filters). */
export function FilterButtons({ resetTo, onReset }: { resetTo: string; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="col-12 mb-4 d-flex gap-2">
      <button type="submit" className="btn btn-primary">
        {t('common.applyFilters')}
      </button>
      <Link className="btn btn-outline-secondary" to={resetTo} onClick={onReset}>
        {t('common.resetFilters')}
      </Link>
    </div>
  );
}
