import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { hasRole } from '../modules/auth/permissions.ts';
import { useCampaign } from '../modules/campaigns/api.ts';
import { CampaignOverviewSection } from '../modules/campaigns/CampaignOverviewSection.tsx';
import { ContributionList } from '../modules/campaigns/ContributionList.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/**
 * One campaign: for the council side, the overview of every council's submission (filters, counts, map,
 * table, exports); for data providers, the submissions their organisation fills.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const q = useCampaign(id);
  const me = useMe();
  // The overview compares councils: the council side's (the API answers 403 to anyone else).
  const overseesCouncils = hasRole(me, 'national_admin', 'regional_coordinator', 'council_referent', 'tutor');
  const valid = Number.isInteger(id) && id > 0;
  if (q.isPending && valid) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('campaigns.notFound')}
        parents={[{ label: t('nav.campaigns'), to: '/campagne' }]}
        back={{ to: '/campagne', label: t('campaigns.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const c = q.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.campaigns'), to: '/campagne' }, { label: c.name }]} />
      <PageTitle title={c.name} documentTitle={`${c.name} – ${t('nav.campaigns')}`} />
      <DescriptionList
        items={[
          { label: t('campaigns.fields.year'), value: c.year },
          {
            label: t('campaigns.fields.form'),
            value: <Link to={`/moduli/${c.form.id}/versioni/${c.form.version}`}>{`${c.form.code} – ${t('forms.versionN', { version: c.form.version })}`}</Link>,
          },
          { label: t('campaigns.fields.deadline'), value: f.date(c.deadline) },
          { label: t('campaigns.fields.submissionCount'), value: f.integer(c.submissionCount) },
        ]}
      />
      {overseesCouncils && <CampaignOverviewSection campaignId={c.id} campaignName={c.name} />}
      {hasRole(me, 'data_provider') && <ContributionList campaignId={c.id} />}
    </>
  );
}
