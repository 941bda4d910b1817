import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { exportUrl, useQuestionnaireResults } from '../modules/questionnaires/api.ts';
import { QuestionResultView } from '../modules/questionnaires/QuestionResultView.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFormat } from '../ui/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** The results of a questionnaire, for its keepers: answers and rate, each question's figures, the exports. */
export function QuestionnaireResultsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const id = Number(useParams().id);
  const query = useQuestionnaireResults(id);

  if (query.isPending && Number.isInteger(id)) return <Loading />;
  if (!query.data) {
    return (
      <LoadFailed
        error={query.error}
        notFoundTitle={t('questionnaires.notFound')}
        parents={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav'), to: '/questionari' }]}
        back={{ to: '/questionari', label: t('questionnaires.backToList') }}
        onRetry={() => query.refetch()}
      />
    );
  }
  const r = query.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav'), to: '/questionari' }, { label: r.title, to: `/questionari/${r.questionnaireId}` }, { label: t('questionnaires.results.title') }]} />
      <PageTitle title={t('questionnaires.results.title')} documentTitle={t('questionnaires.results.documentTitle', { title: r.title })} lead={r.title} />
      <DescriptionList
        items={[
          { label: t('questionnaires.results.responses'), value: f.integer(r.responseCount) },
          { label: t('questionnaires.results.invited'), value: f.integer(r.invited) },
          { label: t('questionnaires.results.rate'), value: r.rate == null ? '—' : t('questionnaires.results.rateValue', { rate: f.share(r.rate), answered: r.answeredInvitations, invited: r.invited }) },
          { label: t('questionnaires.fields.anonymous'), value: r.anonymous ? t('questionnaires.results.anonymousNote') : t('common.no') },
        ]}
      />
      <div className="d-flex flex-wrap gap-2 mb-5">
        <a className="btn btn-outline-primary" href={exportUrl(r.questionnaireId, 'csv')} download>
          <Icon name="download" className="me-1" />
          {t('questionnaires.results.csv')}
        </a>
        <a className="btn btn-outline-primary" href={exportUrl(r.questionnaireId, 'xlsx')} download>
          <Icon name="download" className="me-1" />
          {t('questionnaires.results.xlsx')}
        </a>
      </div>
      {r.questions.map((question, i) => (
        <QuestionResultView key={question.code} r={question} index={i} />
      ))}
    </>
  );
}
