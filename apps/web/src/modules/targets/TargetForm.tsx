import { EVENT_KINDS } from '@mosaico/contracts/participation';
import { TARGET_METRICS, TARGET_SCOPES } from '@mosaico/contracts/targets';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';
import { isNationalAdmin } from '../auth/permissions.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useTerritories } from '../territories/api.ts';
import { DeleteWithConfirmation } from '../../ui/DeleteWithConfirmation.tsx';
import { type Target, useDeleteTarget, useSaveTarget } from './api.ts';

interface Draft {
  name: string;
  description: string;
  scopeType: string;
  regionId: string;
  metric: string;
  eventKind: string;
  yearFrom: string;
  yearTo: string;
  targetValue: string;
}

const draftOf = (t?: Target): Draft => ({
  name: t?.name ?? '',
  description: t?.description ?? '',
  scopeType: t?.scopeType ?? '',
  regionId: t?.region ? String(t.region.id) : '',
  metric: t?.metric ?? '',
  eventKind: t?.eventKind ?? '',
  yearFrom: t ? String(t.yearFrom) : '',
  yearTo: t ? String(t.yearTo) : '',
  targetValue: t ? String(t.targetValue) : '',
});

/** Adds or changes a programme target; the server checks the rules and the caller's region, and says what is wrong per field. */
export function TargetForm({ target, onDone }: { target?: Target; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  const save = useSaveTarget();
  const remove = useDeleteTarget();
  const regions = useTerritories({ level: 'region' });
  const [v, setV] = useState<Draft>(draftOf(target));
  const set = (k: keyof Draft) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, setLocal, clear } = useFormErrors({ isEmpty: (f) => !v[f as keyof Draft] });
  const admin = isNationalAdmin(me);
  const ownRegions = new Set(me.roles.filter((g) => g.role === 'regional_coordinator' && g.scopeType === 'region').map((g) => g.scopeId));
  const regionOptions = (regions.data?.items ?? []).filter((r) => admin || ownRegions.has(r.id)).map((r) => ({ value: String(r.id), label: r.name }));
  const prefix = target ? `target-${target.id}` : 'target-new';
  const labels: Record<keyof Draft, string> = {
    name: t('targets.fields.name'),
    description: t('targets.fields.description'),
    scopeType: t('targets.fields.scopeType'),
    regionId: t('targets.fields.region'),
    metric: t('targets.fields.metric'),
    eventKind: t('targets.fields.eventKind'),
    yearFrom: t('targets.fields.yearFrom'),
    yearTo: t('targets.fields.yearTo'),
    targetValue: v.metric === 'councils_with_event_per_year' ? t('targets.fields.share') : t('targets.fields.targetValue'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    for (const k of ['name', 'scopeType', 'metric', 'eventKind', 'yearFrom', 'yearTo', 'targetValue'] as const) if (!v[k].trim()) local[k] = t('form.required');
    if (v.scopeType === 'region' && !v.regionId) local.regionId = t('form.required');
    if (Object.keys(local).length) return setLocal(t('form.fixFields'), local);
    const num = (s: string) => (/^\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : s);
    const fields = {
      name: v.name,
      description: v.description || null,
      scopeType: v.scopeType,
      regionId: v.scopeType === 'region' ? Number(v.regionId) : null,
      metric: v.metric,
      eventKind: v.eventKind,
      yearFrom: num(v.yearFrom),
      yearTo: num(v.yearTo),
      targetValue: num(v.targetValue),
    } as never;
    try {
      const saved = await save.mutateAsync({ id: target?.id, version: target?.version, fields });
      flash.show(t(target ? 'targets.updated' : 'targets.created', { name: saved.name }));
      onDone();
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card card-bg mb-4">
      <div className="card-body">
        <h2 className="h4">{target ? t('targets.editTitle', { name: target.name }) : t('targets.newTitle')}</h2>
        <RequiredNote />
        <ErrorSummary errors={errors} labels={labels} idPrefix={prefix} />
        <TextField id={`${prefix}-name`} label={labels.name} required value={v.name} onChange={set('name')} error={errors.fields.name} maxLength={200} />
        <TextField id={`${prefix}-description`} label={labels.description} multiline rows={2} value={v.description} onChange={set('description')} error={errors.fields.description} maxLength={2000} />
        <div className="row">
          <div className="col-md-6">
            <SelectField
              id={`${prefix}-scopeType`}
              label={labels.scopeType}
              required
              value={v.scopeType}
              onChange={set('scopeType')}
              error={errors.fields.scopeType}
              emptyLabel={t('form.choose')}
              options={TARGET_SCOPES.filter((s) => admin || s === 'region').map((s) => ({ value: s, label: t(`targets.scopes.${s}`) }))}
            />
          </div>
          <div className="col-md-6">
            {v.scopeType === 'region' && (
              <SelectField id={`${prefix}-regionId`} label={labels.regionId} required value={v.regionId} onChange={set('regionId')} error={errors.fields.regionId} emptyLabel={t('form.choose')} options={regionOptions} />
            )}
          </div>
          <div className="col-md-6">
            <SelectField
              id={`${prefix}-metric`}
              label={labels.metric}
              required
              value={v.metric}
              onChange={set('metric')}
              error={errors.fields.metric}
              emptyLabel={t('form.choose')}
              options={TARGET_METRICS.map((m) => ({ value: m, label: t(`targets.metricNames.${m}`) }))}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id={`${prefix}-eventKind`}
              label={labels.eventKind}
              required
              value={v.eventKind}
              onChange={set('eventKind')}
              error={errors.fields.eventKind}
              emptyLabel={t('form.choose')}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <TextField id={`${prefix}-yearFrom`} label={labels.yearFrom} required inputMode="numeric" maxLength={4} value={v.yearFrom} onChange={set('yearFrom')} error={errors.fields.yearFrom} />
          </div>
          <div className="col-md-4">
            <TextField id={`${prefix}-yearTo`} label={labels.yearTo} required inputMode="numeric" maxLength={4} value={v.yearTo} onChange={set('yearTo')} error={errors.fields.yearTo} />
          </div>
          <div className="col-md-4">
            <TextField
              id={`${prefix}-targetValue`}
              label={labels.targetValue}
              required
              inputMode="decimal"
              value={v.targetValue}
              onChange={set('targetValue')}
              error={errors.fields.targetValue}
              hint={v.metric === 'councils_with_event_per_year' ? t('targets.shareHint') : undefined}
            />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('targets.save')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
        {target && (
          <div className="mt-4">
            <DeleteWithConfirmation
              version={target.version}
              remove={{ ...remove, mutateAsync: (version: number) => remove.mutateAsync({ id: target.id, version }) }}
              labels={{ open: t('targets.delete'), question: t('targets.deleteQuestion', { name: target.name }), confirm: t('targets.deleteConfirm') }}
              onDeleted={() => {
                flash.show(t('targets.deleted', { name: target.name }));
                onDone();
              }}
              onReload={onDone}
            />
          </div>
        )}
      </div>
    </form>
  );
}
