import { useTranslation } from 'react-i18next';
import { canKeepPlaceRecords } from '../modules/auth/permissions.ts';
import { RequireRole } from '../app/RequireAuth.tsx';
import { NewQuestionnaireForm } from '../modules/questionnaires/NewQuestionnaireForm.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** A new feedback questionnaire, from the default or a definition: for those who keep questionnaires somewhere. */
export function QuestionnaireNewPage() {
  const { t } = useTranslation();
  return (
    <RequireRole allow={canKeepPlaceRecords}>
      <Breadcrumb items={[{ label: t('participation.nav'), to: '/partecipazione' }, { label: t('questionnaires.nav'), to: '/questionari' }, { label: t('questionnaires.new') }]} />
      <div className="row">
        <div className="col-12 col-lg-8">
          <PageTitle title={t('questionnaires.new')} lead={t('questionnaires.newLead')} />
          <NewQuestionnaireForm />
        </div>
      </div>
    </RequireRole>
  );
}
