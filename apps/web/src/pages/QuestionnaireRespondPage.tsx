import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AnswerForm } from '../modules/questionnaires/AnswerForm.tsx';
import { useAnswerByToken, useTokenQuestionnaire } from '../modules/questionnaires/api.ts';
import { Alert } from '../ui/Alert.tsx';
import { useFormat } from '../ui/format.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useErrorMessage } from '../ui/QueryError.tsx';

/** Answering through an invitation link, without signing in: one answer per link; closed or used links say so. */
export function QuestionnaireRespondPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const messageOf = useErrorMessage();
  const token = useParams().token ?? '';
  const query = useTokenQuestionnaire(token);
  const answer = useAnswerByToken(token);
  const [sent, setSent] = useState(false);

  if (query.isPending) return <Loading />;
  if (!query.data) {
    return (
      <>
        <PageTitle title={t('questionnaires.respond.invalidTitle')} />
        <Alert variant="warning" role="alert">
          <p className="mb-0">{messageOf(query.error)}</p>
        </Alert>
      </>
    );
  }
  const q = query.data;
  const state = sent ? 'sent' : q.state;
  return (
    <>
      <PageTitle title={q.title} documentTitle={t('questionnaires.answer.documentTitle', { title: q.title })} lead={q.anonymous ? t('questionnaires.answer.anonymous') : t('questionnaires.respond.named')} />
      {state === 'sent' ? (
        <Alert variant="success" role="status" title={t('questionnaires.answer.thanks')}>
          <p className="mb-0">{t('questionnaires.respond.thanksBody')}</p>
        </Alert>
      ) : state === 'open' && q.definition ? (
        <>
          {q.description && <p className="pre-line">{q.description}</p>}
          {q.closesAt && <p>{t('questionnaires.respond.until', { date: f.romeDateTime(q.closesAt) })}</p>}
          <AnswerForm
            definition={q.definition}
            pending={answer.isPending}
            send={async (values) => {
              await answer.mutateAsync(values);
              setSent(true);
            }}
          />
        </>
      ) : (
        <Alert variant="info" role="status">
          <p className="mb-0">{t(`questionnaires.respond.${state}`)}</p>
        </Alert>
      )}
    </>
  );
}
