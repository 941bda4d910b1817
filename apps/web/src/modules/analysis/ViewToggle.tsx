import { useTranslation } from 'react-i18next';

interface ViewToggleProps<V extends string> {
  /** Names the group, e.g. "Mostra i dati come". */
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}

/** Two or more buttons choosing how data is shown (a chart or its table); the pressed one is the current view. */
export function ViewToggle<V extends string>({ label, value, options, onChange }: ViewToggleProps<V>) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of toggle buttons, not a set of form fields
    <div className="btn-group view-toggle d-print-none" role="group" aria-label={label || t('analysis.showAs')}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`btn btn-sm ${o.value === value ? 'btn-primary' : 'btn-outline-primary'}`}
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
