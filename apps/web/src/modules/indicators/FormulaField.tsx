import { useTranslation } from 'react-i18next';
import type { FormulaIssue } from './api.ts';

interface FormulaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
  /** The faults found in this formula, with their position. */
  issues: FormulaIssue[];
  /** A message for the field that is not about a position (e.g. "required"). */
  error?: string;
}

/** The line of the formula holding a fault, the fault marked in it and a caret line under it. */
function IssueView({ formula, issue, id }: { formula: string; issue: FormulaIssue; id: string }) {
  const { t } = useTranslation();
  const start = Math.max(0, Math.min(issue.start, formula.length));
  const end = Math.max(start, Math.min(issue.end, formula.length));
  const lineStart = formula.lastIndexOf('\n', start - 1) + 1;
  const nl = formula.indexOf('\n', start);
  const lineEnd = nl === -1 ? formula.length : nl;
  const line = formula.slice(lineStart, lineEnd);
  const col = start - lineStart;
  const width = Math.max(1, Math.min(end, lineEnd) - start);
  const bad = formula.slice(start, end);
  return (
    <div className="formula-issue mt-2" id={id}>
      <pre aria-hidden="true">
        {line.slice(0, col)}
        <mark>{line.slice(col, col + width) || ' '}</mark>
        {line.slice(col + width)}
        {'\n'}
        {' '.repeat(col)}
        {'^'.repeat(width)}
      </pre>
      <p className="invalid-feedback d-block field-error mb-0">
        {bad
          ? t('indicators.form.issueAt', { from: start + 1, to: end, text: bad, message: issue.message })
          : t('indicators.form.issueAtPoint', { at: start + 1, message: issue.message })}
      </p>
    </div>
  );
}

/** A formula textarea whose faults are shown under it at their position (marked text and a caret). */
export function FormulaField({ id, label, value, onChange, required, hint, issues, error }: FormulaFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, ...issues.map((_, i) => `${id}-issue-${i}`)].filter(Boolean).join(' ');
  const invalid = issues.length > 0 || !!error;
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}*
          </span>
        )}
      </label>
      <textarea
        id={id}
        name={id}
        rows={2}
        value={value}
        required={required}
        spellCheck={false}
        autoCapitalize="off"
        className={`form-control formula-input${invalid ? ' is-invalid' : ''}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error">
          {error}
        </div>
      )}
      {issues.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues of one check, in the order the API gives them
        <IssueView key={i} id={`${id}-issue-${i}`} formula={value} issue={issue} />
      ))}
    </div>
  );
}
