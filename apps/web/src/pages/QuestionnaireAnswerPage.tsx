import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AnswerForm } from '../modules/questionnaires/AnswerForm.tsx';
import { useAnswer, useQuestionnaire } from '../modules/questionnaires/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** Answering a questionnaire signed in: once, and — when it is anonymous — without the answer being tied to you. */
export function QuestionnaireAnswerPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuestionnaire(id);
  const answer = useAnswer(id);
  const [sent, setSent] = useState(false);

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
  const q = query.data;
  const crumbs = [{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav'), to: '/questionari' }, { label: q.title, to: `/questionari/${q.id}` }, { label: t('questionnaires.answer.title') }];
  return (
    <>
      <Breadcrumb items={crumbs} />
      <PageTitle title={q.title} documentTitle={t('questionnaires.answer.documentTitle', { title: q.title })} lead={q.anonymous ? t('questionnaires.answer.anonymous') : t('questionnaires.answer.named')} />
      {sent ? (
        <Alert variant="success" role="status" title={t('questionnaires.answer.thanks')}>
          <p className="mb-0">
            <Link to="/questionari">{t('questionnaires.backToList')}</Link>
          </p>
        </Alert>
      ) : !q.canAnswer ? (
        <Alert variant="info" role="status">
          <p className="mb-0">{q.answered ? t('questionnaires.youAnswered') : t(`questionnaires.answer.not.${q.status}`)}</p>
        </Alert>
      ) : (
        <>
          {q.description && <p className="pre-line">{q.description}</p>}
          <AnswerForm
            definition={q.definition}
            pending={answer.isPending}
            send={async (values) => {
              await answer.mutateAsync(values);
              setSent(true);
            }}
          />
        </>
      )}
    </>
  );
}
