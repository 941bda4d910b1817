import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotResponse } from '../indicators/api.ts';

interface PivotTableProps {
  data: PivotResponse;
  rows: 'territories' | 'periods';
  caption: string;
  format: (v: number | null) => string;
}

type Row = PivotResponse['rows'][number];

/** The pivot: territories (or years) down, years (or territories) across, each split by the breakdown's options. */
export function PivotTable({ data, rows, caption, format }: PivotTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const territories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of data.rows) seen.set(r.territory.code, r.territory.name);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [data.rows]);
  const periods = data.periods;
  // The total first, then each option of the breakdown.
  const options: (string | null)[] = data.breakdown ? [null, ...data.options] : [null];
  const cell = useMemo(() => {
    const m = new Map<string, Row>();
    for (const r of data.rows) m.set(`${r.territory.code}|${r.period}|${r.option ?? ''}`, r);
    return (territory: string, period: string, option: string | null) => m.get(`${territory}|${period}|${option ?? ''}`);
  }, [data.rows]);
  const down = rows === 'territories' ? territories.map((x) => ({ key: x.code, label: x.name })) : periods.map((p) => ({ key: p, label: p }));
  const across = rows === 'territories' ? periods.map((p) => ({ key: p, label: p })) : territories.map((x) => ({ key: x.code, label: x.name }));
  const optionLabel = (o: string | null) => (o == null ? t('analysis.pivot.total') : `${data.breakdown} = ${o}`);
  const at = (d: string, a: string, o: string | null) => (rows === 'territories' ? cell(d, a, o) : cell(a, d, o));
  const split = options.length > 1;

  if (!data.rows.length) return <p>{t('analysis.noValues')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-responsive mb-3" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-striped table-sm align-middle pivot-table">
        <caption id={captionId} className="caption-top">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={split ? 2 : 1}>
              {rows === 'territories' ? t(`analysis.levels.${data.level}`) : t('analysis.series.year')}
            </th>
            {across.map((a) => (
              <th key={a.key} scope={split ? 'colgroup' : 'col'} colSpan={options.length} className="text-end">
                {a.label}
              </th>
            ))}
          </tr>
          {split && (
            <tr>
              {across.flatMap((a) =>
                options.map((o) => (
                  <th key={`${a.key}|${o ?? ''}`} scope="col" className="text-end">
                    {optionLabel(o)}
                  </th>
                )),
              )}
            </tr>
          )}
        </thead>
        <tbody>
          {down.map((d) => (
            <tr key={d.key}>
              <th scope="row" className="fw-normal">
                {d.label}
              </th>
              {across.flatMap((a) =>
                options.map((o) => {
                  const r = at(d.key, a.key, o);
                  return (
                    <td key={`${a.key}|${o ?? ''}`} className="text-end">
                      {r?.value != null ? format(r.value) : r?.reason ? <span className="text-secondary">{t(`analysis.reasons.${r.reason}`)}</span> : '—'}
                      {r?.provisional && ` ${t('analysis.provisionalMark')}`}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
