import { useTranslation } from 'react-i18next';
import type { RuleOutcome } from './evaluation.ts';

interface RuleResultsProps {
  rules: RuleOutcome[];
  /** Rules not applied yet because values they read are missing. */
  skipped: number;
  total: number;
  idPrefix: string;
}

/** The cross-item rules that do not hold on the values typed: errors (they block sending) apart from warnings. */
export function RuleResults({ rules, skipped, total, idPrefix }: RuleResultsProps) {
  const { t } = useTranslation();
  const errors = rules.filter((r) => r.severity === 'error');
  const warnings = rules.filter((r) => r.severity === 'warning');
  const list = (items: RuleOutcome[], kind: 'error' | 'warning') => (
    <ul className={`rule-list rule-list-${kind}`}>
      {items.map((r) => (
        <li key={`${r.code}-${r.message}`}>
          {r.message} <span className="small text-secondary">({t('forms.preview.ruleCode')} <code>{r.code}</code>)</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={`${idPrefix}-rules-title`} className="rule-results mb-4">
      <h3 id={`${idPrefix}-rules-title`} tabIndex={-1} className="h4 section-title">
        {t('forms.preview.rulesTitle')}
      </h3>
      {total === 0 ? (
        <p>{t('forms.preview.noRules')}</p>
      ) : (
        <p>{t('forms.preview.rulesSummary', { count: total, failed: rules.length, skipped })}</p>
      )}
      {errors.length > 0 && (
        <>
          <h4 className="h5">{t('forms.preview.ruleErrors', { count: errors.length })}</h4>
          {list(errors, 'error')}
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h4 className="h5">{t('forms.preview.ruleWarnings', { count: warnings.length })}</h4>
          {list(warnings, 'warning')}
        </>
      )}
    </section>
  );
}
