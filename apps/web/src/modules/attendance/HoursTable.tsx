import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import type { EventHours } from './api.ts';

/** Hours per person: sessions and hours attended, the share of the event's hours, whether the threshold is reached. */
export function HoursTable({ hours }: { hours: EventHours }) {
  const { t } = useTranslation();
  const f = useFormat();
  const threshold = hours.event.certificateThreshold;
  return (
    <>
      <p>
        {t('attendance.hours.total', { hours: f.number(hours.totalHours), sessions: hours.sessions.length })}{' '}
        {threshold != null ? t('attendance.hours.threshold', { threshold, hours: f.number((hours.totalHours * threshold) / 100) }) : t('attendance.hours.noThreshold')}
      </p>
      <Table
        caption={t('attendance.hours.caption')}
        rows={hours.rows}
        rowKey={(r) => r.registrationId}
        empty={t('attendance.hours.none')}
        columns={[
          { key: 'name', header: t('attendance.fields.name'), rowHeader: true, render: (r) => (r.erased ? t('attendance.anonymised') : r.fullName) },
          { key: 'org', header: t('attendance.fields.organization'), render: (r) => r.organizationName ?? '—' },
          { key: 'sessions', header: t('attendance.fields.sessionsAttended'), numeric: true, render: (r) => `${r.sessionsAttended}/${hours.sessions.length}` },
          { key: 'hours', header: t('attendance.fields.hoursAttended'), numeric: true, render: (r) => f.number(r.hoursAttended) },
          { key: 'percent', header: t('attendance.fields.percent'), numeric: true, render: (r) => f.percent(r.percent) },
          {
            key: 'eligible',
            header: t('attendance.fields.eligible'),
            render: (r) => (r.eligible ? <span className="badge bg-success">{t('attendance.hours.eligible')}</span> : <span className="badge bg-secondary">{t('attendance.hours.notEligible')}</span>),
          },
          { key: 'code', header: t('attendance.fields.certificate'), render: (r) => (r.certificateCode ? <code>{r.certificateCode}</code> : '—') },
        ]}
      />
    </>
  );
}
