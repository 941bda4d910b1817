import { TERRITORY_CODE_KINDS } from '@mosaico/contracts/imports';
import type { SdmxMapping } from '@mosaico/contracts/imports';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import type { ImportResult } from './api.ts';

type Dimension = NonNullable<ImportResult['dimensions']>[number];
type ElementSpec = NonNullable<SdmxMapping['element']>;

interface Props {
  mapping: SdmxMapping;
  dimensions: Dimension[];
  onChange: (m: SdmxMapping) => void;
}

/** An element from an edited code and name, keeping the type and unit it had. */
function elementOf(code: string, name: string, before: ElementSpec | null): ElementSpec | null {
  if (!code.trim()) return null;
  return { code: code.trim(), name: { it: name.trim() || code.trim(), en: before?.name.en }, valueType: before?.valueType ?? 'number', unit: before?.unit ?? null };
}

/** The SDMX mapping: territory and time dimensions, the data element of each code, breakdown categories. */
export function SdmxMappingEditor({ mapping, dimensions, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const dims = dimensions.map((d) => ({ value: d.id, label: `${d.id} (${t('imports.codesCount', { count: d.codesTotal })})` }));
  const dimOf = (id: string | null) => dimensions.find((d) => d.id === id);
  const set = (patch: Partial<SdmxMapping>) => onChange({ ...mapping, ...patch });
  const elementDim = dimOf(mapping.elementDimension);
  const used = new Set([mapping.territoryDimension, mapping.timeDimension, mapping.elementDimension, ...mapping.breakdowns.map((b) => b.dimension)]);
  const unmapped = dimensions.filter((d) => d.codesTotal > 1 && !used.has(d.id));

  const setElement = (code: string, spec: ElementSpec | null) => {
    const others = mapping.elements.filter((e) => e.code !== code);
    set({ elements: [...others, { code, element: spec }].sort((a, b) => a.code.localeCompare(b.code)) });
  };
  const setBreakdown = (i: number, patch: Partial<SdmxMapping['breakdowns'][number]>) =>
    set({ breakdowns: mapping.breakdowns.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  return (
    <div>
      <div className="row">
        <div className="col-md-6">
          <SelectField id="map-territoryDimension" label={t('imports.map.territoryDimension')} value={mapping.territoryDimension} onChange={(v) => set({ territoryDimension: v })} options={dims} />
        </div>
        <div className="col-md-6">
          <SelectField
            id="map-territoryCodeKind"
            label={t('imports.map.territoryCodeKind')}
            value={mapping.territoryCodeKind}
            onChange={(v) => set({ territoryCodeKind: v as SdmxMapping['territoryCodeKind'] })}
            options={TERRITORY_CODE_KINDS.map((k) => ({ value: k, label: t(`imports.codeKinds.${k}`) }))}
          />
        </div>
        <div className="col-md-6">
          <SelectField id="map-timeDimension" label={t('imports.map.timeDimension')} value={mapping.timeDimension} onChange={(v) => set({ timeDimension: v })} options={dims} />
        </div>
        <div className="col-md-6">
          <SelectField
            id="map-elementDimension"
            label={t('imports.map.elementDimension')}
            value={mapping.elementDimension ?? ''}
            onChange={(v) => set({ elementDimension: v || null })}
            emptyLabel={t('imports.map.oneElement')}
            options={dims}
          />
        </div>
      </div>

      {elementDim ? (
        <section aria-labelledby="map-elements-title" className="mb-4">
          <h3 id="map-elements-title" className="h5 mt-4">
            {t('imports.map.elementsTitle', { dimension: elementDim.id })}
          </h3>
          <p className="small text-secondary">{t('imports.map.elementsHint')}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="table-responsive" tabIndex={0} aria-labelledby="map-elements-title">
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('imports.map.elementsTitle', { dimension: elementDim.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.map.code')}</th>
                  <th scope="col" className="text-end">
                    {t('imports.counts.rows')}
                  </th>
                  <th scope="col">{t('imports.map.elementCode')}</th>
                  <th scope="col">{t('imports.map.elementName')}</th>
                </tr>
              </thead>
              <tbody>
                {elementDim.codes.map(({ code, rows }) => {
                  const spec = mapping.elements.find((e) => e.code === code)?.element ?? null;
                  return (
                    <tr key={code}>
                      <th scope="row" className="fw-normal">
                        <code>{code}</code>
                      </th>
                      <td className="text-end">{f.integer(rows)}</td>
                      <td>
                        <input
                          className="form-control form-control-sm"
                          aria-label={t('imports.map.elementCodeOf', { code })}
                          value={spec?.code ?? ''}
                          placeholder={t('imports.map.ignored')}
                          onChange={(e) => setElement(code, elementOf(e.target.value, spec?.name.it ?? '', spec))}
                        />
                      </td>
                      <td>
                        <input
                          className="form-control form-control-sm"
                          aria-label={t('imports.map.elementNameOf', { code })}
                          value={spec?.name.it ?? ''}
                          disabled={!spec}
                          onChange={(e) => spec && setElement(code, elementOf(spec.code, e.target.value, spec))}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </section>
      ) : (
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="map-element-code"
              label={t('imports.map.elementCode')}
              value={mapping.element?.code ?? ''}
              onChange={(v) => set({ element: elementOf(v, mapping.element?.name.it ?? '', mapping.element) })}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="map-element-name"
              label={t('imports.map.elementName')}
              value={mapping.element?.name.it ?? ''}
              onChange={(v) => mapping.element && set({ element: elementOf(mapping.element.code, v, mapping.element) })}
            />
          </div>
        </div>
      )}

      {mapping.breakdowns.map((b, i) => {
        const dim = dimOf(b.dimension);
        const titleId = `map-breakdown-${i}-title`;
        return (
          <section key={b.dimension} aria-labelledby={titleId} className="mb-4 border-start ps-3">
            <h3 id={titleId} className="h5 mb-5">
              {t('imports.map.breakdownTitle', { dimension: b.dimension })}
            </h3>
            <div className="row">
              <div className="col-md-6">
                <TextField id={`map-breakdown-${i}-category`} label={t('imports.map.category')} value={b.category} onChange={(v) => setBreakdown(i, { category: v })} hint={t('imports.map.categoryHint')} />
              </div>
              <div className="col-md-6">
                <SelectField
                  id={`map-breakdown-${i}-total`}
                  label={t('imports.map.totalCode')}
                  value={b.totalCode ?? ''}
                  onChange={(v) => setBreakdown(i, { totalCode: v || null })}
                  emptyLabel={t('imports.map.noTotal')}
                  options={(dim?.codes ?? []).map((c) => ({ value: c.code, label: c.code }))}
                />
              </div>
            </div>
            <table className="table table-sm align-middle">
              <caption className="visually-hidden">{t('imports.map.breakdownTitle', { dimension: b.dimension })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.map.code')}</th>
                  <th scope="col">{t('imports.map.option')}</th>
                </tr>
              </thead>
              <tbody>
                {(dim?.codes ?? [])
                  .filter((c) => c.code !== b.totalCode)
                  .map(({ code }) => (
                    <tr key={code}>
                      <th scope="row" className="fw-normal">
                        <code>{code}</code>
                      </th>
                      <td>
                        <input
                          className="form-control form-control-sm"
                          aria-label={t('imports.map.optionOf', { code })}
                          placeholder={t('imports.map.ignored')}
                          value={b.options.find((o) => o.code === code)?.option ?? ''}
                          onChange={(e) =>
                            setBreakdown(i, { options: [...b.options.filter((o) => o.code !== code), { code, option: e.target.value.trim() || null }] })
                          }
                        />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => set({ breakdowns: mapping.breakdowns.filter((_, j) => j !== i) })}>
              {t('imports.map.removeBreakdown', { dimension: b.dimension })}
            </button>
          </section>
        );
      })}

      {unmapped.map((d) => (
        <button
          key={d.id}
          type="button"
          className="btn btn-outline-primary btn-sm me-2 mb-3"
          onClick={() =>
            set({
              breakdowns: [
                ...mapping.breakdowns,
                { dimension: d.id, category: d.id.toLowerCase().replace(/[^a-z0-9_]/g, '_'), totalCode: null, options: d.codes.map((c) => ({ code: c.code, option: c.code.replace(/[^A-Za-z0-9_.-]/g, '_') })) },
              ],
            })
          }
        >
          {t('imports.map.addBreakdown', { dimension: d.id })}
        </button>
      ))}
    </div>
  );
}
