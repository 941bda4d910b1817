import { EVENT_KINDS, EVENT_STATUSES, EVENT_TOPICS, TARGET_GROUPS } from '@mosaico/contracts/participation';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, RequiredNote, SelectField, TextField } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type EventDetail, useCreateEvent, useEventOptions, useUpdateEvent } from './api.ts';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';

interface Values {
  kind: string;
  title: string;
  description: string;
  scopeType: string;
  councilId: string;
  regionId: string;
  partnerIds: string[];
  organizerName: string;
  workingGroupId: string;
  topics: string[];
  targetGroups: string[];
  capacity: string;
  registrationOpen: boolean;
  certificateThreshold: string;
  status: string;
}

const str = (n: number | null | undefined) => (n == null ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? null : Number(s));

function valuesOf(e?: EventDetail): Values {
  return {
    kind: e?.kind ?? '',
    title: e?.title ?? '',
    description: e?.description ?? '',
    scopeType: e?.scopeType ?? '',
    councilId: str(e?.council?.id),
    regionId: str(e?.region?.id),
    partnerIds: e?.scopeType === 'regions' ? e.regions.slice(1).map((r) => String(r.id)) : [],
    organizerName: e?.organizerName ?? '',
    workingGroupId: str(e?.workingGroup?.id),
    topics: e?.topics ?? [],
    targetGroups: e?.targetGroups ?? [],
    capacity: str(e?.capacity),
    registrationOpen: e?.registrationOpen ?? true,
    certificateThreshold: str(e?.certificateThreshold),
    status: e?.status ?? 'draft',
  };
}

/** The body the API takes: only the place fields the scope needs, numbers as numbers. */
function bodyOf(v: Values, editing: boolean) {
  const place =
    v.scopeType === 'council'
      ? { councilId: num(v.councilId), regionId: null, regionIds: [] }
      : v.scopeType === 'region'
        ? { councilId: null, regionId: num(v.regionId), regionIds: [] }
        : v.scopeType === 'regions'
          ? { councilId: null, regionId: null, regionIds: [v.regionId, ...v.partnerIds.filter((p) => p !== v.regionId)].filter(Boolean).map(Number) }
          : { councilId: null, regionId: null, regionIds: [] };
  return {
    kind: v.kind || undefined,
    title: v.title,
    description: v.description,
    scopeType: v.scopeType || undefined,
    ...place,
    organizerName: v.organizerName,
    workingGroupId: num(v.workingGroupId),
    topics: v.topics,
    targetGroups: v.targetGroups,
    capacity: num(v.capacity),
    registrationOpen: v.registrationOpen,
    certificateThreshold: num(v.certificateThreshold),
    ...(editing ? { status: v.status } : {}),
  };
}

/** Create or change an event: what, where (the places the caller organises), for whom, seats and certificates. */
export function EventForm({ event }: { event?: EventDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const options = useEventOptions();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? 0);
  const [v, setV] = useState<Values>(() => valuesOf(event));
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => f.split('.')[0], isEmpty: (f) => !v[f as keyof Values] });
  const pending = create.isPending || update.isPending;

  if (options.isPending) return <Loading />;
  if (options.isError) return <QueryError error={options.error} onRetry={() => options.refetch()} />;
  const o = options.data;
  const organisedRegions = o.nation ? o.regions : o.regions.filter((r) => o.councils.some((c) => c.regionId === r.id));
  const scopes = [o.councils.length ? 'council' : null, organisedRegions.length ? 'region' : null, organisedRegions.length ? 'regions' : null, o.nation ? 'nation' : null].filter((s): s is string => s != null);
  // A referent of one council has one choice: it is made for them.
  if (!event && !v.scopeType && scopes.length === 1 && scopes[0] === 'council' && o.councils.length === 1) {
    setV((prev) => ({ ...prev, scopeType: 'council', councilId: String(o.councils[0].id) }));
  }
  const groups = o.workingGroups.filter((g) =>
    v.scopeType === 'council' ? g.councilId == null || String(g.councilId) === v.councilId : v.scopeType === 'region' || v.scopeType === 'regions' ? String(g.regionId) === v.regionId || v.partnerIds.includes(String(g.regionId)) : false,
  );
  const labels: Record<string, string> = {
    kind: t('events.fields.kind'),
    title: t('events.fields.title'),
    description: t('events.fields.description'),
    scopeType: t('events.fields.scope'),
    councilId: t('events.fields.council'),
    regionId: v.scopeType === 'regions' ? t('events.fields.organisingRegion') : t('events.fields.region'),
    regionIds: t('events.fields.partnerRegions'),
    organizerName: t('events.fields.organizer'),
    workingGroupId: t('events.fields.workingGroup'),
    topics: t('events.fields.topics'),
    targetGroups: t('events.fields.targetGroups'),
    capacity: t('events.fields.capacity'),
    registrationOpen: t('events.fields.registrationOpen'),
    certificateThreshold: t('events.fields.certificateThreshold'),
    status: t('events.fields.status'),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    for (const k of ['kind', 'title', 'scopeType', 'organizerName'] as const) if (!v[k].trim()) local[k] = t('form.required');
    if (v.scopeType === 'council' && !v.councilId) local.councilId = t('form.required');
    if ((v.scopeType === 'region' || v.scopeType === 'regions') && !v.regionId) local.regionId = t('form.required');
    if (Object.keys(local).length) {
      setLocal(t('form.fixFields'), local);
      return;
    }
    try {
      const body = bodyOf(v, !!event);
      const saved = event ? await update.mutateAsync({ ...body, version: event.version }) : await create.mutateAsync(body);
      flash.show(t(event ? 'events.saved' : 'events.created', { title: saved.title }), { path: `/eventi/${saved.id}` });
      navigate(`/eventi/${saved.id}`);
    } catch (err) {
      fromError(err);
    }
  };

  const choose = t('form.choose');
  return (
    <form id="event-form" noValidate onSubmit={submit} className="mb-5">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="event" />
      <SelectField id="event-kind" label={labels.kind} required value={v.kind} onChange={set('kind')} error={errors.fields.kind} emptyLabel={choose} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
      <TextField id="event-title" label={labels.title} required value={v.title} onChange={set('title')} error={errors.fields.title} maxLength={300} />
      <TextField id="event-description" label={labels.description} multiline value={v.description} onChange={set('description')} error={errors.fields.description} maxLength={8000} />
      <SelectField id="event-scopeType" label={labels.scopeType} required value={v.scopeType} onChange={set('scopeType')} error={errors.fields.scopeType} hint={t('events.scopeHint')} emptyLabel={choose} options={scopes.map((s) => ({ value: s, label: t(`events.scopes.${s}`) }))} />
      {v.scopeType === 'council' && (
        <SelectField id="event-councilId" label={labels.councilId} required value={v.councilId} onChange={set('councilId')} error={errors.fields.councilId} emptyLabel={choose} options={o.councils.map((c) => ({ value: String(c.id), label: c.name }))} />
      )}
      {(v.scopeType === 'region' || v.scopeType === 'regions') && (
        <SelectField id="event-regionId" label={labels.regionId} required value={v.regionId} onChange={set('regionId')} error={errors.fields.regionId} emptyLabel={choose} options={organisedRegions.map((r) => ({ value: String(r.id), label: r.name }))} />
      )}
      {v.scopeType === 'regions' && (
        <CheckboxGroup id="event-regionIds" legend={labels.regionIds} values={o.regions.filter((r) => String(r.id) !== v.regionId).map((r) => String(r.id))} labelOf={(id) => o.regions.find((r) => String(r.id) === id)?.name ?? id} selected={v.partnerIds} onChange={set('partnerIds')} error={errors.fields.regionIds} columns={3} />
      )}
      <TextField id="event-organizerName" label={labels.organizerName} required value={v.organizerName} onChange={set('organizerName')} error={errors.fields.organizerName} hint={t('events.organizerHint')} maxLength={300} />
      {groups.length > 0 && (
        <SelectField id="event-workingGroupId" label={labels.workingGroupId} value={v.workingGroupId} onChange={set('workingGroupId')} error={errors.fields.workingGroupId} emptyLabel={t('events.noWorkingGroup')} options={groups.map((g) => ({ value: String(g.id), label: g.name }))} />
      )}
      <CheckboxGroup id="event-topics" legend={labels.topics} values={EVENT_TOPICS} labelOf={(k) => t(`events.topics.${k}`)} selected={v.topics} onChange={set('topics')} error={errors.fields.topics} />
      <CheckboxGroup id="event-targetGroups" legend={labels.targetGroups} values={TARGET_GROUPS} labelOf={(k) => t(`events.targetGroups.${k}`)} selected={v.targetGroups} onChange={set('targetGroups')} error={errors.fields.targetGroups} />
      <div className="row">
        <div className="col-md-6">
          <TextField id="event-capacity" label={labels.capacity} type="number" inputMode="numeric" min="1" value={v.capacity} onChange={set('capacity')} error={errors.fields.capacity} hint={t('events.capacityHint')} />
        </div>
        <div className="col-md-6">
          <TextField id="event-certificateThreshold" label={labels.certificateThreshold} type="number" inputMode="numeric" min="1" max="100" value={v.certificateThreshold} onChange={set('certificateThreshold')} error={errors.fields.certificateThreshold} hint={t('events.thresholdHint')} />
        </div>
      </div>
      <CheckboxField id="event-registrationOpen" label={labels.registrationOpen} checked={v.registrationOpen} onChange={set('registrationOpen')} error={errors.fields.registrationOpen} hint={t('events.registrationOpenHint')} className="mb-4" />
      {event && (
        <SelectField id="event-status" label={labels.status} required value={v.status} onChange={set('status')} error={errors.fields.status} hint={t('events.statusHint')} options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.statuses.${s}`) }))} />
      )}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('common.saving') : event ? t('common.save') : t('events.create')}
      </button>
    </form>
  );
}
