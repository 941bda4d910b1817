import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { can, isNationalAdmin } from '../modules/auth/permissions.ts';
import { type DataSource, useDataSource, useDeleteDataSource } from '../modules/data-sources/api.ts';
import { ImportHistory } from '../modules/data-sources/ImportHistory.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DeleteWithConfirmation } from '../ui/DeleteWithConfirmation.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Delete with a confirmation step; a version conflict offers to reload. */
function DeleteDataSource({ source, onReload }: { source: DataSource; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const remove = useDeleteDataSource(source.id);
  return (
    <DeleteWithConfirmation
      version={source.version}
      remove={remove}
      labels={{ open: t('dataSources.delete'), question: t('dataSources.confirmDelete', { title: source.title.it }), confirm: t('dataSources.confirmDeleteButton') }}
      onDeleted={() => {
        flash.show(t('dataSources.deleted', { title: source.title.it }), { path: '/basi-dati' });
        navigate('/basi-dati');
      }}
      onReload={onReload}
    />
  );
}

const link = (url: string | null) =>
  url ? (
    <a href={url} rel="noreferrer" className="text-break">
      {url}
    </a>
  ) : (
    '—'
  );

export function DataSourcePage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const me = useSession().data?.me;
  const q = useDataSource(id);

  if (q.isPending && Number.isInteger(id)) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('dataSources.notFound')}
        parents={[{ label: t('dataSources.nav'), to: '/basi-dati' }]}
        back={{ to: '/basi-dati', label: t('dataSources.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const d = q.data;
  const en = i18n.language === 'en';
  const title = (en && d.title.en) || d.title.it;
  const description = (en && d.description.en) || d.description.it;
  const scope = d.council ? `${t('dataSources.scopes.council')}: ${d.council.name}` : d.region ? `${t('dataSources.scopes.region')}: ${d.region.name}` : t('dataSources.scopes.nation');
  const agent = (name: string, ipa: string | null) => (ipa ? `${name} (IPA ${ipa})` : name);
  const period = d.temporalStart || d.temporalEnd ? `${f.date(d.temporalStart)} – ${d.temporalEnd ? f.date(d.temporalEnd) : t('dataSources.ongoing')}` : '—';
  return (
    <>
      <Breadcrumb items={[{ label: t('dataSources.nav'), to: '/basi-dati' }, { label: title }]} />
      <PageTitle title={title} documentTitle={t('dataSources.documentTitle', { title })} lead={d.publisher.name} />
      <div className="d-flex flex-wrap gap-2 mb-3">
        {d.canEdit && (
          <Link className="btn btn-primary" to={`/basi-dati/${d.id}/modifica`}>
            {t('dataSources.edit')}
          </Link>
        )}
        {isNationalAdmin(me) && (
          <Link className="btn btn-outline-primary" to={`/statistiche/importa?fonte=${d.id}`}>
            {t('dataSources.importFrom')}
          </Link>
        )}
        {d.canEdit && can.viewAudit(me) && (
          <Link className="btn btn-outline-primary" to={`/registro-attivita?tipo=data_source&id=${d.id}`}>
            {t('dataSources.history')}
          </Link>
        )}
      </div>
      <p className="pre-line">{description}</p>
      {d.content && (
        <p>
          <strong>{t('dataSources.fields.content')}:</strong> {d.content}
        </p>
      )}
      <h2 className="h4 mt-4">{t('dataSources.sections.identity')}</h2>
      <DescriptionList
        items={[
          { label: t('dataSources.fields.code'), value: <code>{d.code}</code> },
          { label: t('dataSources.fields.scopeType'), value: scope },
          { label: t('dataSources.fields.themes'), value: d.themes.map((v) => t(`dataSources.themes.${v}`)).join(', ') },
          { label: t('dataSources.fields.keywords'), value: d.keywords.join(', ') || '—' },
          { label: t('dataSources.fields.publisherName'), value: d.publisher.organizationId ? <Link to={`/organizzazioni/${d.publisher.organizationId}`}>{agent(d.publisher.name, d.publisher.ipaCode)}</Link> : agent(d.publisher.name, d.publisher.ipaCode) },
          { label: t('dataSources.fields.rightsHolderName'), value: agent(d.rightsHolder.name, d.rightsHolder.ipaCode) },
          { label: t('dataSources.fields.contactName'), value: d.contactName ?? '—' },
          { label: t('dataSources.fields.contactEmail'), value: d.contactEmail ? <a href={`mailto:${d.contactEmail}`}>{d.contactEmail}</a> : '—' },
        ]}
      />
      <h2 className="h4 mt-4">{t('dataSources.sections.coverage')}</h2>
      <DescriptionList
        items={[
          { label: t('dataSources.fields.spatial'), value: d.spatial.length ? d.spatial.map((s) => `${s.name} (${s.code})`).join(', ') : '—' },
          { label: t('dataSources.fields.detailLevel'), value: d.detailLevel ? t(`dataSources.levels.${d.detailLevel}`) : '—' },
          { label: t('dataSources.temporalCoverage'), value: period },
          { label: t('dataSources.fields.periods'), value: d.periods ?? '—' },
          { label: t('dataSources.fields.frequency'), value: t(`dataSources.frequencies.${d.frequency}`) },
        ]}
      />
      <h2 className="h4 mt-4">{t('dataSources.sections.access')}</h2>
      <DescriptionList
        items={[
          { label: t('dataSources.fields.formats'), value: d.formats.join(', ') },
          { label: t('dataSources.fields.accessRights'), value: t(`dataSources.access.${d.accessRights}`) },
          { label: t('dataSources.fields.licenseUri'), value: link(d.licenseUri) },
          { label: t('dataSources.fields.accessConditions'), value: d.accessConditions ?? '—' },
          { label: t('dataSources.fields.landingPage'), value: link(d.landingPage) },
          { label: t('dataSources.fields.accessUrl'), value: link(d.accessUrl) },
          { label: t('dataSources.fields.languages'), value: d.languages.map((l) => t(`dataSources.languages.${l}`)).join(', ') },
          { label: t('dataSources.fields.issued'), value: f.date(d.issued) },
          { label: t('dataSources.fields.modified'), value: f.date(d.modified) },
        ]}
      />
      <h2 className="h4 mt-4">{t('dataSources.sections.reachability')}</h2>
      <DescriptionList
        items={[
          { label: t('dataSources.fields.reachability'), value: t(`dataSources.reachabilities.${d.reachability}`) },
          { label: t('dataSources.fields.reachabilityCheckedAt'), value: f.date(d.reachabilityCheckedAt) },
          { label: t('dataSources.fields.reachabilityNote'), value: d.reachabilityNote ?? '—' },
          { label: t('dataSources.updatedAt'), value: f.dateTime(d.updatedAt) },
        ]}
      />
      <ImportHistory dataSourceId={d.id} linkImports={isNationalAdmin(me)} />
      {d.canEdit && <DeleteDataSource source={d} onReload={() => q.refetch()} />}
    </>
  );
}
