import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type User, useRevokeRole, useUser } from '../modules/users/api.ts';
import { RoleGrantForm } from '../modules/users/RoleGrantForm.tsx';
import { UserEditForm } from '../modules/users/UserForms.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useErrorMessage } from '../ui/QueryError.tsx';
import { Table } from '../ui/Table.tsx';

function Roles({ user }: { user: User }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const revoke = useRevokeRole(user.id);
  const messageOf = useErrorMessage();
  const scopeOf = (r: User['roles'][number]) => (r.scopeType === 'nation' ? t('scopes.nation') : `${t(`scopes.${r.scopeType}`)}: ${r.scopeName ?? r.scopeId}`);
  return (
    <section aria-labelledby="roles-title" className="mb-5">
      <h2 id="roles-title" className="h4">
        {t('users.roles')}
      </h2>
      {revoke.isError && (
        <div className="alert alert-danger" role="alert">
          {messageOf(revoke.error)}
        </div>
      )}
      <Table
        caption={t('users.rolesCaption', { name: user.name })}
        captionHidden
        rows={user.roles}
        rowKey={(r) => r.id}
        empty={t('users.noRoles')}
        columns={[
          { key: 'role', header: t('users.grant.role'), rowHeader: true, render: (r) => t(`roles.${r.role}`) },
          { key: 'scope', header: t('users.grant.scope'), render: scopeOf },
          {
            key: 'actions',
            header: t('common.actions'),
            render: (r) => (
              <button
                type="button"
                className="btn btn-outline-danger btn-xs"
                disabled={revoke.isPending}
                onClick={async () => {
                  try {
                    await revoke.mutateAsync(r.id);
                    flash.show(t('users.revoked', { role: t(`roles.${r.role}`) }));
                  } catch {
                    /* shown above */
                  }
                }}
              >
                {t('users.revoke')}
                <span className="visually-hidden">
                  {' '}
                  {t(`roles.${r.role}`)} – {scopeOf(r)}
                </span>
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}

export function UserPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const q = useUser(id);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('users.notFound')}
        parents={[{ label: t('nav.users'), to: '/utenti' }]}
        back={{ to: '/utenti', label: t('users.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const u = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.users'), to: '/utenti' }, { label: u.name }]} />
      <PageTitle title={u.name} documentTitle={t('users.documentTitle', { name: u.name })} lead={u.email} />
      <DescriptionList
        items={[
          { label: t('users.fields.email'), value: u.email },
          { label: t('users.fields.locale'), value: u.locale === 'en' ? 'English' : 'Italiano' },
          { label: t('users.fields.active'), value: u.active ? t('common.yes') : t('common.no') },
          { label: t('users.sso'), value: u.sso ? t('common.yes') : t('common.no') },
          { label: t('users.password'), value: u.hasPassword ? t('users.passwordSet') : t('users.invitationPending') },
          { label: t('users.createdAt'), value: f.dateTime(u.createdAt) },
          { label: t('users.lastLogin'), value: f.dateTime(u.lastLoginAt) },
        ]}
      />
      <Roles user={u} />
      <div className="row">
        <div className="col-12 col-lg-6">
          <RoleGrantForm userId={u.id} />
        </div>
        <div className="col-12 col-lg-6">
          <UserEditForm key={u.id} user={u} onReload={() => q.refetch()} />
        </div>
      </div>
    </>
  );
}
