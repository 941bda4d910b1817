import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { type Submission, useSubmission } from '../modules/campaigns/api.ts';
import { focusWhenShown, type ItemLocator, ItemLocatorContext } from '../modules/campaigns/itemLocator.ts';
import { OfflineEntry } from '../modules/campaigns/OfflineEntry.tsx';
import { percent } from '../modules/campaigns/percent.ts';
import { assignmentRights, SectionAssignments } from '../modules/campaigns/SectionAssignments.tsx';
import { SubmissionEntry } from '../modules/campaigns/SubmissionEntry.tsx';
import { SubmissionHistory } from '../modules/campaigns/SubmissionHistory.tsx';
import { SubmissionStatusBadge } from '../modules/campaigns/SubmissionStatusBadge.tsx';
import { WorkflowActions } from '../modules/campaigns/WorkflowActions.tsx';
import { useFormVersion } from '../modules/forms/api.ts';
import { keyParts } from '../modules/forms/keyLabels.ts';
import { useLocalText } from '../modules/forms/text.ts';
import type { FormDefinition } from '@mosaico/form-engine/definition';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Control ids are "sub-" and the value key with other characters as "-": the item code comes first. */
function useLocator(definition: FormDefinition | undefined, s: Submission | undefined, go: (section: string) => void): ItemLocator {
  return useMemo(() => {
    const readable = new Set(s?.readableSections ?? []);
    const sectionOfItem = new Map<string, string>();
    for (const section of definition?.sections ?? []) if (readable.has(section.code)) for (const i of section.items) sectionOfItem.set(i.code, section.code);
    const sectionOf = (id: string) => (id.startsWith('sub-') ? sectionOfItem.get(id.slice(4).split('-')[0]) : undefined);
    return {
      sectionOf,
      go: (id) => {
        const section = sectionOf(id);
        if (section) go(section);
        focusWhenShown(id);
      },
    };
  }, [definition, s?.readableSections, go]);
}

/**
 * Data entry of one council's submission, one section at a time (`?sezione=`): the form, the workflow moves the
 * user may make, who fills which section, and every change made.
 */
export function SubmissionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalText();
  const me = useMe();
  const id = Number(useParams().id);
  const q = useSubmission(id);
  const form = useFormVersion(q.data?.formVersion.formId ?? 0, q.data?.formVersion.version ?? 0);
  const [generation, setGeneration] = useState(0);
  const settleRef = useRef<(() => Promise<void>) | null>(null);
  const [search, setSearch] = useSearchParams();
  const section = search.get('sezione');
  const goToSection = useMemo(() => (code: string) => setSearch({ sezione: code }), [setSearch]);
  const locator = useLocator(form.data?.definition, q.data, goToSection);
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
  const definition = form.data.definition;
  const title = `${s.council.name} – ${s.campaign.name}`;
  const rowWord = (label: string, n: number) => t('forms.preview.repetition', { label, n });
  const nameOf = (key: string) => {
    const p = keyParts(definition, key, local, rowWord);
    return p.cell ? `${p.item} – ${p.cell}` : p.item;
  };
  const assigned = s.assignments.filter((a) => a.organization).length;
  const seesAssignments = assignmentRights(me, s).read;
  return (
    <ItemLocatorContext.Provider value={locator}>
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
          ...(seesAssignments
            ? [{ label: t('dataEntry.assign.summaryLabel'), value: <a href="#sub-assign-title">{t('dataEntry.assign.summary', { count: assigned, total: definition.sections.length })}</a> }]
            : []),
        ]}
      />
      <SubmissionEntry
        key={`${s.id}-${s.status}-${generation}`}
        submission={s}
        definition={definition}
        section={section}
        onSection={goToSection}
        settleRef={settleRef}
        onReload={() => {
          void q.refetch().then(() => setGeneration((g) => g + 1));
        }}
      />
      <WorkflowActions key={`${s.id}-${s.status}`} me={me} submission={s} definition={definition} beforeMove={() => settleRef.current?.() ?? Promise.resolve()} />
      <SectionAssignments me={me} submission={s} definition={definition} />
      <OfflineEntry key={`offline-${s.id}-${s.status}`} submission={s} definition={definition} onApplied={() => void q.refetch().then(() => setGeneration((g) => g + 1))} />
      <SubmissionHistory submissionId={s.id} definition={definition} nameOf={nameOf} />
    </ItemLocatorContext.Provider>
  );
}
