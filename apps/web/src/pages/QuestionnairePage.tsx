import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormPreview } from '../modules/forms/FormPreview.tsx';
import { type Questionnaire, useDeleteQuestionnaire, useQuestionnaire } from '../modules/questionnaires/api.ts';
import { DefinitionEditor } from '../modules/questionnaires/DefinitionEditor.tsx';
import { DetailsForm } from '../modules/questionnaires/DetailsForm.tsx';
import { InvitationForm } from '../modules/questionnaires/InvitationForm.tsx';
import { InvitationList } from '../modules/questionnaires/InvitationList.tsx';
import { StatusActions } from '../modules/questionnaires/StatusActions.tsx';
import { StatusBadge } from '../modules/questionnaires/StatusBadge.tsx';
import { usePlaceLabel } from '../modules/questionnaires/usePlaceLabel.ts';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { DeleteWithConfirmation } from '../ui/DeleteWithConfirmation.tsx';
import { DescriptionList } from '../ui/DescriptionList.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { useFormat } from '../ui/format.ts';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

function DeleteQuestionnaire({ q, onReload }: { q: Questionnaire; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const remove = useDeleteQuestionnaire(q.id);
  return (
    <DeleteWithConfirmation
      version={q.version}
      remove={remove}
      labels={{ open: t('questionnaires.delete'), question: t('questionnaires.confirmDelete', { title: q.title }), confirm: t('questionnaires.confirmDeleteButton') }}
      onDeleted={() => {
        flash.show(t('questionnaires.deleted', { title: q.title }), { path: '/questionari' });
        navigate('/questionari');
      }}
      onReload={onReload}
    />
  );
}

/** One questionnaire: its facts and questions; for its keepers opening and closing, invitations and results. */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const placeOf = usePlaceLabel();
  const id = Number(useParams().id);
  const query = useQuestionnaire(id);

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
  return (
    <>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav'), to: '/questionari' }, { label: q.title }]} />
      <PageTitle
        title={q.title}
        documentTitle={t('questionnaires.documentTitle', { title: q.title })}
        lead={
          <>
            {q.anonymous ? t('questionnaires.anonymousLead') : t('questionnaires.namedLead')} <StatusBadge status={q.status} />
          </>
        }
      />
      {q.description && <p className="pre-line">{q.description}</p>}
      <DescriptionList
        items={[
          { label: t('questionnaires.fields.scope'), value: placeOf(q) },
          { label: t('questionnaires.fields.event'), value: q.event ? <Link to={`/eventi/${q.event.id}`}>{q.event.title}</Link> : '—' },
          { label: t('questionnaires.fields.status'), value: t(`questionnaires.statuses.${q.status}`) },
          { label: t('questionnaires.fields.anonymous'), value: q.anonymous ? t('common.yes') : t('common.no') },
          { label: t('questionnaires.fields.closesAt'), value: q.closesAt ? f.romeDateTime(q.closesAt) : t('questionnaires.noClosing') },
          { label: t('questionnaires.fields.responses'), value: f.integer(q.responseCount) },
          { label: t('questionnaires.fields.updatedAt'), value: f.dateTime(q.updatedAt) },
        ]}
      />
      <div className="d-flex flex-wrap gap-2 mb-4">
        {q.canAnswer && (
          <Link className="btn btn-primary" to={`/questionari/${q.id}/compila`}>
            {t('questionnaires.answerNow')}
          </Link>
        )}
        {q.answered && <p className="mb-0 align-self-center">{t('questionnaires.youAnswered')}</p>}
        {q.canManage && (
          <Link className="btn btn-outline-primary" to={`/questionari/${q.id}/risultati`}>
            {t('questionnaires.results.open')}
          </Link>
        )}
      </div>
      {q.canManage && (
        <>
          <StatusActions q={q} />
          <DetailsForm key={`details-${q.version}`} q={q} />
          {q.status === 'open' && <InvitationForm q={q} />}
          <InvitationList id={q.id} />
          {q.status === 'draft' && <DefinitionEditor key={q.version} q={q} />}
        </>
      )}
      <FormPreview key={`${q.id}-${q.version}`} definition={q.definition} />
      {q.canManage && q.responseCount === 0 && (
        <div className="mt-5">
          <DeleteQuestionnaire q={q} onReload={() => query.refetch()} />
        </div>
      )}
    </>
  );
}
