import { useTranslation } from 'react-i18next';

/**
 * An expression with the fault at `position` (0-based, `length` characters, at least one) marked; a fault at
 * the very end (e.g. a missing bracket) marks an empty place after the last character. Screen readers hear
 * where the mark starts.
 */
export function ExpressionText({ expression, position, length }: { expression: string; position?: number | null; length?: number | null }) {
  const { t } = useTranslation();
  if (position == null || position < 0 || position > expression.length) return <code className="expression">{expression}</code>;
  const at = Math.min(position, expression.length);
  const end = at + Math.max(1, length ?? 1);
  const fault = expression.slice(at, end);
  return (
    <code className="expression">
      {expression.slice(0, at)}
      <mark className="expression-fault">
        <span className="visually-hidden">{t('forms.import.faultHere')} </span>
        {fault === '' ? '\u2003' : fault}
      </mark>
      {expression.slice(end)}
    </code>
  );
}
