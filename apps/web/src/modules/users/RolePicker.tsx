import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { type Option, SelectField, TextField } from '../../ui/Field.tsx';
import { type Me, type Role, type ScopeType, useMe } from '../auth/api.ts';
import { ROLE_SCOPES } from '@mosaico/contracts/vocabulary';
import { grantableRoles, isNationalAdmin, scopeIdsOf } from '../auth/permissions.ts';
import { useCouncils } from '../councils/api.ts';
import { useOrganizations } from '../organizations/api.ts';
import { useTerritories } from '../territories/api.ts';

export interface RoleChoice {
  role: Role | '';
  scopeType: ScopeType | '';
  scopeId: string;
  orgQuery: string;
}

export const EMPTY_CHOICE: RoleChoice = { role: '', scopeType: '', scopeId: '', orgQuery: '' };

/** The grant body of a choice (nation has no scope id). */
export function grantOf(c: RoleChoice) {
  return { role: c.role as Role, scopeType: c.scopeType as ScopeType, scopeId: c.scopeType === 'nation' || !c.scopeId ? null : Number(c.scopeId) };
}

/** Scope types the user may grant a role in: managers below the nation never grant national scopes. */
function scopeTypesFor(me: Me, role: Role): ScopeType[] {
  const types = [...ROLE_SCOPES[role]];
  if (isNationalAdmin(me)) return types;
  const councilOnly = !me.roles.some((g) => g.role === 'regional_coordinator');
  return types.filter((t) => t !== 'nation' && (!councilOnly || t === 'organization'));
}

/** The choices for the scope: regions, councils or organisations (searched by name), within the user's reach. */
function useScopeOptions(me: Me, scopeType: ScopeType | '', orgQuery: string): { options: Option[]; loading: boolean } {
  const regions = useTerritories({}, scopeType === 'region');
  const councils = useCouncils();
  const q = useDeferredValue(orgQuery.trim());
  const orgs = useOrganizations({ q: q || undefined, pageSize: 50, sort: 'name' }, scopeType === 'organization');
  const admin = isNationalAdmin(me);
  const myRegions = scopeIdsOf(me, 'region', ['regional_coordinator']);
  const myCouncils = scopeIdsOf(me, 'council', ['council_referent']);
  if (scopeType === 'region') {
    const items = (regions.data?.items ?? []).filter((r) => admin || myRegions.includes(r.id));
    return { options: items.map((r) => ({ value: String(r.id), label: r.name })), loading: regions.isPending };
  }
  if (scopeType === 'council') {
    const items = [...(councils.data ?? [])]
      .filter((c) => admin || myRegions.includes(c.region.id) || myCouncils.includes(c.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'it'));
    return { options: items.map((c) => ({ value: String(c.id), label: `${c.name} (${c.region.name})` })), loading: councils.isPending };
  }
  if (scopeType === 'organization') {
    return { options: (orgs.data?.items ?? []).map((o) => ({ value: String(o.id), label: `${o.name} (${o.territory.name})` })), loading: orgs.isPending };
  }
  return { options: [], loading: false };
}

interface RolePickerProps {
  idPrefix: string;
  value: RoleChoice;
  onChange: (v: RoleChoice) => void;
  errors: { role?: string; scopeType?: string; scopeId?: string };
  labels: { role: string; scopeType: string; scopeId: string };
  required?: boolean;
}

/** Role → kind of scope → scope, offering only what the signed-in manager may grant. */
export function RolePicker({ idPrefix, value, onChange, errors, labels, required = true }: RolePickerProps) {
  const { t } = useTranslation();
  const me = useMe();
  const scope = useScopeOptions(me, value.scopeType, value.orgQuery);
  const scopeTypes = value.role ? scopeTypesFor(me, value.role) : [];

  const chooseRole = (r: string) => {
    const role = r as Role | '';
    const types = role ? scopeTypesFor(me, role) : [];
    onChange({ ...EMPTY_CHOICE, role, scopeType: types.length === 1 ? types[0] : '' });
  };

  return (
    <>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id={`${idPrefix}-role`}
            label={labels.role}
            required={required}
            value={value.role}
            onChange={chooseRole}
            emptyLabel={t('form.choose')}
            options={grantableRoles(me).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={errors.role}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id={`${idPrefix}-scopeType`}
            label={labels.scopeType}
            required={required}
            value={value.scopeType}
            onChange={(v) => onChange({ ...value, scopeType: v as ScopeType | '', scopeId: '' })}
            emptyLabel={value.role ? t('form.choose') : t('users.grant.chooseRoleFirst')}
            options={scopeTypes.map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
            disabled={!value.role}
            error={errors.scopeType}
          />
        </div>
      </div>
      {value.scopeType === 'organization' && (
        <TextField
          id={`${idPrefix}-orgQuery`}
          type="search"
          label={t('users.grant.searchOrganization')}
          value={value.orgQuery}
          onChange={(orgQuery) => onChange({ ...value, orgQuery })}
          autoComplete="off"
        />
      )}
      {value.scopeType && value.scopeType !== 'nation' && (
        <SelectField
          id={`${idPrefix}-scopeId`}
          label={labels.scopeId}
          required={required}
          value={value.scopeId}
          onChange={(scopeId) => onChange({ ...value, scopeId })}
          emptyLabel={scope.loading ? t('common.loading') : t('form.choose')}
          options={scope.options}
          error={errors.scopeId}
          hint={value.scopeType === 'organization' ? t('users.grant.organizationHint', { count: scope.options.length }) : undefined}
        />
      )}
    </>
  );
}

/** The label of the scope field for a kind of scope. */
export function useScopeLabel(scopeType: ScopeType | '') {
  const { t } = useTranslation();
  return scopeType && scopeType !== 'nation' ? t(`users.grant.scopeLabel.${scopeType}`) : t('users.grant.scope');
}
