/** A fieldset of checkboxes with a legend: each value on or off, the set kept in order of `values`. */
export function CheckboxGroup({ id, legend, values, labelOf, selected, onChange, error, required, columns = 2 }: {
  id: string;
  legend: string;
  values: readonly string[];
  labelOf: (v: string) => string;
  selected: string[];
  onChange: (next: string[]) => void;
  error?: string;
  /** Marks the legend: at least one box must be ticked. */
  required?: boolean;
  columns?: 1 | 2 | 3;
}) {
  const toggle = (v: string, on: boolean) => onChange(values.filter((x) => (x === v ? on : selected.includes(x))));
  return (
    <fieldset id={id} className="mb-5" aria-describedby={error ? `${id}-error` : undefined} tabIndex={-1}>
      <legend className="h6 fw-semibold">
        {legend}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className={`row row-cols-1 row-cols-md-${columns}`}>
        {values.map((v) => (
          <div key={v} className="col">
            <div className="form-check my-1">
              <input id={`${id}-${v}`} type="checkbox" checked={selected.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
              <label htmlFor={`${id}-${v}`}>{labelOf(v)}</label>
            </div>
          </div>
        ))}
      </div>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
