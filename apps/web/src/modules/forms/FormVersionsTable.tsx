import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import type { FormSummary } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The versions of one form, newest first, each linking to its page (details, actions, preview). */
export function FormVersionsTable({ form, title }: { form: FormSummary; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table
      caption={t('forms.versionsCaption', { title })}
      captionHidden
      rows={form.versions}
      rowKey={(v) => v.version}
      columns={[
        {
          key: 'version',
          header: t('forms.fields.version'),
          rowHeader: true,
          render: (v) => (
            <Link to={`/moduli/${form.id}/versioni/${v.version}`} aria-label={t('forms.versionLinkLabel', { title, version: v.version })}>
              {t('forms.versionN', { version: v.version })}
            </Link>
          ),
        },
        { key: 'status', header: t('forms.fields.status'), render: (v) => <StatusBadge status={v.status} /> },
        { key: 'items', header: t('forms.fields.itemCount'), numeric: true, render: (v) => f.integer(v.itemCount) },
        { key: 'derived', header: t('forms.fields.derivedFrom'), render: (v) => (v.derivedFrom ? t('forms.versionN', { version: v.derivedFrom }) : '—') },
        { key: 'created', header: t('forms.fields.createdAt'), render: (v) => f.dateTime(v.createdAt) },
        { key: 'published', header: t('forms.fields.publishedAt'), render: (v) => f.dateTime(v.publishedAt) },
      ]}
    />
  );
}
