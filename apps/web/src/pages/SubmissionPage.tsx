import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { useSubmission } from '../modules/campaigns/api.ts';
import { OfflineEntry } from '../modules/campaigns/OfflineEntry.tsx';
import { percent } from '../modules/campaigns/percent.ts';
import { SubmissionEntry } from '../modules/campaigns/SubmissionEntry.tsx';
import { SubmissionStatusBadge } from '../modules/campaigns/SubmissionStatusBadge.tsx';
import { WorkflowActions } from '../modules/campaigns/WorkflowActions.tsx';
import { useFormVersion } from '../modules/forms/api.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Data entry of one council's submission, and the workflow moves the user may make. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const id = Number(useParams().id);
  const q = useSubmission(id);
  const form = useFormVersion(q.data?.formVersion.formId ?? 0, q.data?.formVersion.version ?? 0);
  const [generation, setGeneration] = useState(0);
  const valid = Number.isInteger(id) && id > 0;
  if ((q.isPending && valid) || (q.data && form.isPending)) return <Loading />;
  if (!q.data || !form.data) {
    return (
      <LoadFailed
        error={q.error ?? form.error}
        notFoundTitle={t('campaigns.entry.notFound')}
        parents={[{ label: t('nav.campaigns'), to: '/campagne' }]}
        back={{ to: '/campagne', label: t('campaigns.backToList') }}
        onRetry={() => (q.data ? form.refetch() : q.refetch())}
      />
    );
  }
  const s = q.data;
  const title = `${s.council.name} – ${s.campaign.name}`;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.campaigns'), to: '/campagne' }, { label: s.campaign.name, to: `/campagne/${s.campaign.id}` }, { label: s.council.name }]} />
      <PageTitle
        title={title}
        lead={
          <>
            {t('campaigns.entry.statusLabel')} <SubmissionStatusBadge status={s.status} reviewLevel={s.reviewLevel} />
          </>
        }
      />
      <DescriptionList
        items={[
          { label: t('campaigns.overview.council'), value: s.council.name },
          { label: t('campaigns.overview.region'), value: s.region.name },
          { label: t('campaigns.entry.campaign'), value: <Link to={`/campagne/${s.campaign.id}`}>{s.campaign.name}</Link> },
          { label: t('campaigns.fields.deadline'), value: f.date(s.campaign.deadline) },
          { label: t('campaigns.overview.completeness'), value: percent(s.evaluation.completeness.overall, f.locale) },
          { label: t('campaigns.overview.lastActivity'), value: f.dateTime(s.lastActivityAt) },
        ]}
      />
      <SubmissionEntry
        key={`${s.id}-${s.status}-${generation}`}
        submission={s}
        definition={form.data.definition}
        onReload={() => {
          void q.refetch().then(() => setGeneration((g) => g + 1));
        }}
      />
      <WorkflowActions key={`${s.id}-${s.status}`} me={me} submission={s} definition={form.data.definition} />
      <OfflineEntry key={`offline-${s.id}-${s.status}`} submission={s} definition={form.data.definition} onApplied={() => void q.refetch().then(() => setGeneration((g) => g + 1))} />
    </>
  );
}
