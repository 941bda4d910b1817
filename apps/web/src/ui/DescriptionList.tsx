import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label–value pairs (a <dl>), two columns on wide screens. */
export function DescriptionList({ items }: { items: Fact[] }) {
  return (
    <dl className="row facts">
      {items.map((f) => (
        <div key={f.label} className="col-12 col-md-6 col-lg-4 mb-3">
          <dt className="small text-secondary fw-semibold">{f.label}</dt>
          <dd className="mb-0">{f.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
