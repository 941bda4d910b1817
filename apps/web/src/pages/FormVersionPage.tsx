import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../modules/auth/api.ts';
import { can } from '../modules/auth/permissions.ts';
import { useFormVersion } from '../modules/forms/api.ts';
import { FormPreview } from '../modules/forms/FormPreview.tsx';
import { StatusBadge } from '../modules/forms/StatusBadge.tsx';
import { useLocalNode } from '../modules/forms/LocalText.tsx';
import { useLocalText } from '../modules/forms/text.ts';
import { VersionActions } from '../modules/forms/VersionActions.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** One version of a form: its facts, the admin's actions, and the preview a respondent would see. */
export function FormVersionPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const local = useLocalText();
  const node = useLocalNode();
  const params = useParams();
  const id = Number(params.id);
  const versionNumber = Number(params.version);
  const q = useFormVersion(id, versionNumber);
  const valid = Number.isInteger(id) && id > 0 && Number.isInteger(versionNumber) && versionNumber > 0;

  if (q.isPending && valid) return <Loading />;
  if (!q.data) {
    return (
      <LoadFailed
        error={q.error}
        notFoundTitle={t('forms.version.notFound')}
        parents={[{ label: t('nav.forms'), to: '/moduli' }]}
        back={{ to: '/moduli', label: t('forms.backToList') }}
        onRetry={() => q.refetch()}
      />
    );
  }
  const v = q.data;
  const title = local(v.definition.title);
  const versionLabel = t('forms.versionN', { version: v.version });
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.forms'), to: '/moduli' }, { label: `${title} – ${versionLabel}` }]} />
      <PageTitle
        title={title}
        documentTitle={`${title} – ${versionLabel}`}
        lead={
          <>
            {versionLabel} <StatusBadge status={v.status} />
          </>
        }
      />
      {v.definition.description && <p>{node(v.definition.description)}</p>}
      <DescriptionList
        items={[
          { label: t('forms.fields.code'), value: <code>{v.code}</code> },
          { label: t('forms.fields.status'), value: t(`forms.status.${v.status}`) },
          { label: t('forms.fields.itemCount'), value: f.integer(v.itemCount) },
          { label: t('forms.fields.derivedFrom'), value: v.derivedFrom ? t('forms.versionN', { version: v.derivedFrom }) : '—' },
          { label: t('forms.fields.createdAt'), value: f.dateTime(v.createdAt) },
          { label: t('forms.fields.publishedAt'), value: f.dateTime(v.publishedAt) },
        ]}
      />
      <VersionActions version={v} canManage={can.manageForms(me)} />
      <FormPreview key={`${v.formId}-${v.version}-${v.revision}`} definition={v.definition} />
    </>
  );
}
