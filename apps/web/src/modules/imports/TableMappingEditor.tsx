import { TERRITORY_CODE_KINDS, type TableMapping } from '@mosaico/contracts/imports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/Field.tsx';
import type { ImportResult } from './api.ts';

type Column = NonNullable<ImportResult['columns']>[number];
type ValueColumn = TableMapping['columns'][number];

interface Props {
  mapping: TableMapping;
  columns: Column[];
  onChange: (m: TableMapping) => void;
}

/** "tipo=sai; sesso=F" ↔ { tipo: 'sai', sesso: 'F' } */
const dimsText = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
const parseDims = (text: string) =>
  Object.fromEntries(
    text
      .split(/[;,]/)
      .map((p) => p.split('=').map((s) => s.trim()))
      .filter((p) => p.length === 2 && p[0] && p[1]),
  );

/** Breakdown options as text, kept as typed (a half-written "tipo=" stays) while the parsed value goes up. */
function useDimsText(value: Record<string, string>, onChange: (d: Record<string, string>) => void) {
  const [text, setText] = useState(dimsText(value));
  return { value: text, onChange: (v: string) => { setText(v); onChange(parseDims(v)); } };
}

function DimsInput({ label, value, disabled, onChange }: { label: string; value: Record<string, string>; disabled: boolean; onChange: (d: Record<string, string>) => void }) {
  const text = useDimsText(value, onChange);
  return <input className="form-control form-control-sm" aria-label={label} disabled={disabled} value={text.value} onChange={(e) => text.onChange(e.target.value)} />;
}

/** The table mapping: territory and period columns, and the data element (with breakdown options) of each value column. */
export function TableMappingEditor({ mapping, columns, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<TableMapping>) => onChange({ ...mapping, ...patch });
  const constantDims = useDimsText(mapping.constantDimensions, (d) => set({ constantDimensions: d }));
  const names = columns.map((c) => ({ value: c.name, label: c.name }));
  const valueColumns = columns.filter((c) => c.name !== mapping.territoryColumn && c.name !== mapping.periodColumn);
  const setColumn = (name: string, next: ValueColumn | null) => {
    const others = mapping.columns.filter((c) => c.column !== name);
    set({ columns: next ? [...others, next] : others });
  };

  return (
    <div>
      <div className="row">
        <div className="col-md-6">
          <SelectField id="map-territoryColumn" label={t('imports.map.territoryColumn')} value={mapping.territoryColumn} onChange={(v) => set({ territoryColumn: v })} options={names} />
        </div>
        <div className="col-md-6">
          <SelectField
            id="map-territoryCodeKind"
            label={t('imports.map.territoryCodeKind')}
            value={mapping.territoryCodeKind}
            onChange={(v) => set({ territoryCodeKind: v as TableMapping['territoryCodeKind'] })}
            options={TERRITORY_CODE_KINDS.map((k) => ({ value: k, label: t(`imports.codeKinds.${k}`) }))}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="map-periodColumn"
            label={t('imports.map.periodColumn')}
            value={mapping.periodColumn ?? ''}
            onChange={(v) => set({ periodColumn: v || null })}
            emptyLabel={t('imports.map.constantPeriodChoice')}
            options={names}
          />
        </div>
        <div className="col-md-6">
          {mapping.periodColumn ? (
            <SelectField
              id="map-periodFormat"
              label={t('imports.map.periodFormat')}
              value={mapping.periodFormat}
              onChange={(v) => set({ periodFormat: v as TableMapping['periodFormat'] })}
              options={(['year', 'month', 'date'] as const).map((k) => ({ value: k, label: t(`imports.periodFormats.${k}`) }))}
            />
          ) : (
            <TextField id="map-constantPeriod" label={t('imports.map.constantPeriod')} value={mapping.constantPeriod ?? ''} onChange={(v) => set({ constantPeriod: v.trim() || null })} hint={t('imports.map.periodHint')} />
          )}
        </div>
        {mapping.periodColumn && mapping.periodFormat === 'year' && (
          <div className="col-md-6">
            <TextField
              id="map-periodOffsetYears"
              type="number"
              label={t('imports.map.periodOffsetYears')}
              value={String(mapping.periodOffsetYears)}
              onChange={(v) => set({ periodOffsetYears: Number(v) || 0 })}
              hint={t('imports.map.periodOffsetHint')}
            />
          </div>
        )}
        <div className="col-md-6">
          <TextField
            id="map-constantDimensions"
            label={t('imports.map.constantDimensions')}
            value={constantDims.value}
            onChange={constantDims.onChange}
            hint={t('imports.map.dimensionsHint')}
          />
        </div>
      </div>
      <section aria-labelledby="map-columns-title" className="mb-4">
        <h3 id="map-columns-title" className="h5">
          {t('imports.map.columnsTitle')}
        </h3>
        <p className="small text-secondary">{t('imports.map.columnsHint')}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className="table-responsive" tabIndex={0} aria-labelledby="map-columns-title">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('imports.map.columnsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.map.column')}</th>
                <th scope="col">{t('imports.map.samples')}</th>
                <th scope="col">{t('imports.map.elementCode')}</th>
                <th scope="col">{t('imports.map.elementName')}</th>
                <th scope="col">{t('imports.map.dimensions')}</th>
              </tr>
            </thead>
            <tbody>
              {valueColumns.map((c) => {
                const vc = mapping.columns.find((x) => x.column === c.name) ?? null;
                const update = (code: string, name: string, dims: Record<string, string>) =>
                  setColumn(
                    c.name,
                    code.trim()
                      ? { column: c.name, element: { code: code.trim(), name: { it: name || code.trim(), en: vc?.element.name.en }, valueType: vc?.element.valueType ?? 'number', unit: vc?.element.unit ?? null }, dimensions: dims }
                      : null,
                  );
                return (
                  <tr key={c.name}>
                    <th scope="row" className="fw-normal">
                      {c.name}
                    </th>
                    <td className="small">{c.samples.join(' · ') || '—'}</td>
                    <td>
                      <input
                        className="form-control form-control-sm"
                        aria-label={t('imports.map.elementCodeOf', { code: c.name })}
                        placeholder={t('imports.map.ignored')}
                        value={vc?.element.code ?? ''}
                        onChange={(e) => update(e.target.value, vc?.element.name.it ?? '', vc?.dimensions ?? {})}
                      />
                    </td>
                    <td>
                      <input
                        className="form-control form-control-sm"
                        aria-label={t('imports.map.elementNameOf', { code: c.name })}
                        disabled={!vc}
                        value={vc?.element.name.it ?? ''}
                        onChange={(e) => vc && update(vc.element.code, e.target.value, vc.dimensions)}
                      />
                    </td>
                    <td>
                      <DimsInput
                        label={t('imports.map.dimensionsOf', { code: c.name })}
                        disabled={!vc}
                        value={vc?.dimensions ?? {}}
                        onChange={(d) => vc && update(vc.element.code, vc.element.name.it, d)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
