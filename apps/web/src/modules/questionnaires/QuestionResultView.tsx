import type { QuestionResult } from '@mosaico/contracts/questionnaires';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../ui/DescriptionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Table } from '../../ui/Table.tsx';

const HorizontalBarChart = lazy(() => import('../../ui/HorizontalBarChart.tsx'));

/** The figures of one question: a chart and its table for choices, a summary for numbers, the list of open answers. */
export function QuestionResultView({ r, index }: { r: QuestionResult; index: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const bars = useMemo(() => (r.kind === 'choice' ? r.options.map((o) => ({ label: o.label, value: o.count, text: `${f.integer(o.count)} (${f.percent(o.percent)})` })) : []), [r, f]);
  const headingId = `qres-${r.code}`;
  return (
    <section aria-labelledby={headingId} className="mb-5 question-result">
      <h2 id={headingId} className="h5">
        {index + 1}. {r.label}
      </h2>
      <p className="text-secondary">{t('questionnaires.results.answered', { count: r.answered })}</p>
      {r.kind === 'choice' && (
        <div className="row">
          <div className="col-lg-7">
            {r.answered > 0 ? (
              <Suspense fallback={<Loading />}>
                <HorizontalBarChart bars={bars} label={t('questionnaires.results.chartLabel', { question: r.label })} rowHeight={52} className="choice-chart" />
              </Suspense>
            ) : (
              <p>{t('questionnaires.results.noAnswers')}</p>
            )}
          </div>
          <div className="col-lg-5">
            <Table
              caption={t('questionnaires.results.tableCaption', { question: r.label })}
              captionHidden
              rows={r.options}
              rowKey={(o) => o.code}
              columns={[
                { key: 'label', header: t('questionnaires.results.option'), rowHeader: true, render: (o) => o.label },
                { key: 'count', header: t('questionnaires.results.count'), render: (o) => f.integer(o.count) },
                { key: 'percent', header: t('questionnaires.results.percent'), render: (o) => f.percent(o.percent) },
              ]}
            />
            {r.type === 'multiple_choice' && <p className="small">{t('questionnaires.results.multipleNote')}</p>}
          </div>
        </div>
      )}
      {r.kind === 'number' && (
        <>
          <DescriptionList
            items={[
              { label: t('questionnaires.results.mean'), value: r.mean == null ? '—' : f.number(r.mean) },
              { label: t('questionnaires.results.median'), value: r.median == null ? '—' : f.number(r.median) },
              { label: t('questionnaires.results.range'), value: r.min == null ? '—' : `${r.min} – ${r.max}` },
            ]}
          />
          {r.distribution.length > 0 && (
            <Table
              caption={t('questionnaires.results.distribution', { question: r.label })}
              rows={r.distribution}
              rowKey={(d) => String(d.value)}
              columns={[
                { key: 'value', header: t('questionnaires.results.value'), rowHeader: true, render: (d) => d.value },
                { key: 'count', header: t('questionnaires.results.count'), render: (d) => f.integer(d.count) },
              ]}
            />
          )}
        </>
      )}
      {r.kind === 'text' &&
        (r.answers.length ? (
          <ul className="list-unstyled open-answers">
            {r.answers.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: answers are listed as received, never reordered
              <li key={i} className="border-start border-3 ps-3 mb-3">
                <p className="mb-1 pre-line">{a.text}</p>
                {a.submittedAt && <p className="small text-secondary mb-0">{a.by ? `${a.by} – ${f.date(a.submittedAt)}` : f.date(a.submittedAt)}</p>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('questionnaires.results.noAnswers')}</p>
        ))}
    </section>
  );
}
