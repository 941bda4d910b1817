import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { BLOCK_KINDS, blockOf, CHART_KINDS, EMPTY_BLOCK, type NewBlock } from './template-blocks.ts';
import type { BlockSpec } from '@mosaico/contracts/reports';

/** The form that adds a block of a supported kind at the end of a chapter. */
export function TemplateBlockForm({ idPrefix, onAdd, onCancel }: { idPrefix: string; onAdd: (b: BlockSpec) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [b, setB] = useState<NewBlock>(EMPTY_BLOCK);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof NewBlock) => (v: string) => setB((s) => ({ ...s, [k]: v }));
  const needsIndicators = b.kind === 'key_figures' || b.kind === 'table' || b.kind === 'chart' || b.kind === 'map';
  const needsTitle = b.kind === 'table' || b.kind === 'chart' || b.kind === 'map';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!/^[a-z][a-z0-9_]{1,63}$/.test(b.key.trim())) next.key = t('reports.templates.keyInvalid');
    if (needsTitle && !b.title.trim()) next.title = t('form.required');
    if (needsIndicators && !b.indicators.trim()) next.indicators = t('form.required');
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    onAdd(blockOf(b));
  };
  return (
    <form noValidate onSubmit={submit} className="card card-bg p-3 my-2" aria-label={t('reports.templates.addBlock')}>
      <div className="row g-2">
        <div className="col-md-4">
          <SelectField id={`${idPrefix}-kind`} label={t('reports.templates.kind')} value={b.kind} onChange={set('kind')} options={BLOCK_KINDS.map((k) => ({ value: k, label: t(`reports.templates.kinds.${k}`) }))} />
        </div>
        <div className="col-md-4">
          <TextField id={`${idPrefix}-key`} label={t('reports.templates.key')} required value={b.key} onChange={set('key')} error={errors.key} hint={t('reports.templates.keyHint')} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <TextField id={`${idPrefix}-title`} label={t('reports.templates.blockTitle')} required={needsTitle} value={b.title} onChange={set('title')} error={errors.title} />
        </div>
        {needsIndicators && (
          <div className="col-md-8">
            <TextField
              id={`${idPrefix}-indicators`}
              label={b.kind === 'map' ? t('reports.templates.indicator') : t('reports.templates.indicators')}
              required
              value={b.indicators}
              onChange={set('indicators')}
              error={errors.indicators}
              hint={b.kind === 'map' ? undefined : t('reports.templates.indicatorsHint')}
              autoComplete="off"
            />
          </div>
        )}
        {b.kind === 'chart' && (
          <div className="col-md-4">
            <SelectField id={`${idPrefix}-chart`} label={t('reports.templates.chartKind')} value={b.chart} onChange={set('chart')} options={CHART_KINDS.map((k) => ({ value: k, label: t(`reports.templates.charts.${k}`) }))} />
          </div>
        )}
        {b.kind === 'narrative' && (
          <div className="col-12">
            <TextField id={`${idPrefix}-hint`} label={t('reports.templates.hint')} multiline rows={2} value={b.hint} onChange={set('hint')} />
          </div>
        )}
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm">
          {t('reports.templates.addBlockSubmit')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
