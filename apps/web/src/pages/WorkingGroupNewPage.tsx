import { type FormEvent, useState } from 'react';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RequireRole } from '../app/RequireAuth.tsx';
import { useOverviewScopes } from '../modules/participation/api.ts';
import { useCreateWorkingGroup } from '../modules/working-groups/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { RequiredNote, SelectField, TextField } from '../ui/Field.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormErrors } from '../ui/form.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

const EMPTY = { name: '', place: '', area: '', description: '', formedOn: '' };
type Key = keyof typeof EMPTY;

/** Form a local working group in a council or a region the caller keeps (the API checks the place). */
export function WorkingGroupNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const scopes = useOverviewScopes();
  const create = useCreateWorkingGroup();
  const [v, setV] = useState(EMPTY);
  const set = (k: Key) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  const { errors, fromError, setLocal, clear } = useFormErrors({ fieldOf: (f) => (f === 'councilId' || f === 'regionId' ? 'place' : f) });
  const places = (scopes.data?.items ?? []).filter((s) => s.type !== 'nation');
  const place = v.place || (places.length === 1 ? `${places[0].type}:${places[0].id}` : '');
  const labels = { name: t('workingGroups.fields.name'), place: t('workingGroups.fields.place'), area: t('workingGroups.fields.area'), description: t('workingGroups.fields.description'), formedOn: t('workingGroups.fields.formedOn') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = t('form.required');
    if (!place) local.place = t('form.required');
    if (Object.keys(local).length) return setLocal(t('form.fixFields'), local);
    const [type, id] = place.split(':');
    try {
      const g = await create.mutateAsync({ name: v.name, area: v.area, description: v.description, formedOn: v.formedOn, [type === 'council' ? 'councilId' : 'regionId']: Number(id) });
      flash.show(t('workingGroups.created', { name: g.name }), { path: `/gruppi-di-lavoro/${g.id}` });
      navigate(`/gruppi-di-lavoro/${g.id}`);
    } catch (err) {
      fromError(err);
    }
  };
  return (
    <RequireRole allow={canKeepPlaceRecords}>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('workingGroups.nav'), to: '/gruppi-di-lavoro' }, { label: t('workingGroups.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('workingGroups.new')} lead={t('workingGroups.newLead')} />
          <form id="group-new" noValidate onSubmit={submit} className="mb-5">
            <RequiredNote />
            <ErrorSummary errors={errors} labels={labels} idPrefix="group" />
            <TextField id="group-name" label={labels.name} required value={v.name} onChange={set('name')} error={errors.fields.name} maxLength={200} />
            <SelectField
              id="group-place"
              label={labels.place}
              required
              value={place}
              onChange={set('place')}
              error={errors.fields.place}
              emptyLabel={t('form.choose')}
              options={places.map((s) => ({ value: `${s.type}:${s.id}`, label: s.type === 'region' ? t('workingGroups.regionOf', { name: s.name }) : s.name }))}
            />
            <TextField id="group-area" label={labels.area} value={v.area} onChange={set('area')} error={errors.fields.area} hint={t('workingGroups.areaHint')} maxLength={200} />
            <TextField id="group-formedOn" type="date" label={labels.formedOn} value={v.formedOn} onChange={set('formedOn')} error={errors.fields.formedOn} />
            <TextField id="group-description" label={labels.description} multiline value={v.description} onChange={set('description')} error={errors.fields.description} maxLength={4000} />
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t('workingGroups.create')}
            </button>
          </form>
        </div>
      </div>
    </RequireRole>
  );
}
