import { createBrowserRouter } from 'react-router';
import { can, isNationalAdmin } from '../modules/auth/permissions.ts';
import { canDefineIndicators } from '../modules/indicators/can-define.ts';
import { canReadReports } from '../modules/reports/reach.ts';
import { AccessibilityPage } from '../pages/AccessibilityPage.tsx';
import { AnalysisPage } from '../pages/AnalysisPage.tsx';
import { AuditPage } from '../pages/AuditPage.tsx';
import { AdminPage } from '../pages/AdminPage.tsx';
import { CampaignNewPage } from '../pages/CampaignNewPage.tsx';
import { CampaignPage } from '../pages/CampaignPage.tsx';
import { CampaignsPage } from '../pages/CampaignsPage.tsx';
import { CouncilDashboardPage } from '../pages/CouncilDashboardPage.tsx';
import { CouncilPage } from '../pages/CouncilPage.tsx';
import { CouncilsPage } from '../pages/CouncilsPage.tsx';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage.tsx';
import { FormImportPage } from '../pages/FormImportPage.tsx';
import { FormsPage } from '../pages/FormsPage.tsx';
import { FormVersionPage } from '../pages/FormVersionPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { IndicatorNewPage } from '../pages/IndicatorNewPage.tsx';
import { IndicatorPage } from '../pages/IndicatorPage.tsx';
import { IndicatorsPage } from '../pages/IndicatorsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { DataSourceEditPage } from '../pages/DataSourceEditPage.tsx';
import { DataSourceNewPage } from '../pages/DataSourceNewPage.tsx';
import { DataSourcePage } from '../pages/DataSourcePage.tsx';
import { DataSourcesPage } from '../pages/DataSourcesPage.tsx';
import { ImportPage } from '../pages/ImportPage.tsx';
import { ImportsPage } from '../pages/ImportsPage.tsx';
import { EventEditPage } from '../pages/EventEditPage.tsx';
import { EventNewPage } from '../pages/EventNewPage.tsx';
import { EventPage } from '../pages/EventPage.tsx';
import { EventsPage } from '../pages/EventsPage.tsx';
import { LibraryDocumentPage } from '../pages/LibraryDocumentPage.tsx';
import { LibraryNewPage } from '../pages/LibraryNewPage.tsx';
import { LibraryPage } from '../pages/LibraryPage.tsx';
import { OrganizationEditPage } from '../pages/OrganizationEditPage.tsx';
import { OrganizationImportPage } from '../pages/OrganizationImportPage.tsx';
import { OrganizationNewPage } from '../pages/OrganizationNewPage.tsx';
import { OrganizationPage } from '../pages/OrganizationPage.tsx';
import { OrganizationsPage } from '../pages/OrganizationsPage.tsx';
import { OutboxPage } from '../pages/OutboxPage.tsx';
import { PivotPage } from '../pages/PivotPage.tsx';
import { PublicReportPage } from '../pages/PublicReportPage.tsx';
import { PublicReportsPage } from '../pages/PublicReportsPage.tsx';
import { ReportPage } from '../pages/ReportPage.tsx';
import { ReportsPage } from '../pages/ReportsPage.tsx';
import { ReportTemplatePage } from '../pages/ReportTemplatePage.tsx';
import { ReportTemplatesPage } from '../pages/ReportTemplatesPage.tsx';
import { ProfilePage } from '../pages/ProfilePage.tsx';
import { RegionDashboardPage } from '../pages/RegionDashboardPage.tsx';
import { ResetPasswordPage } from '../pages/ResetPasswordPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { SubmissionPage } from '../pages/SubmissionPage.tsx';
import { TerritoriesPage } from '../pages/TerritoriesPage.tsx';
import { TerritoryPage } from '../pages/TerritoryPage.tsx';
import { UserNewPage } from '../pages/UserNewPage.tsx';
import { UserPage } from '../pages/UserPage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
// Participation: associations, working groups and the overview (issue 6).
import { AssociationNewPage } from '../pages/AssociationNewPage.tsx';
import { AssociationPage } from '../pages/AssociationPage.tsx';
import { AssociationsPage } from '../pages/AssociationsPage.tsx';
import { JoinPage } from '../pages/JoinPage.tsx';
import { JoinRequestsPage } from '../pages/JoinRequestsPage.tsx';
import { ParticipationPage } from '../pages/ParticipationPage.tsx';
import { WorkingGroupNewPage } from '../pages/WorkingGroupNewPage.tsx';
import { WorkingGroupPage } from '../pages/WorkingGroupPage.tsx';
import { WorkingGroupsPage } from '../pages/WorkingGroupsPage.tsx';
import { Layout } from './Layout.tsx';
import { RequireAuth, RequireRole } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';

/** Italian paths, as users see and share them. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: 'accesso', element: <SignInPage /> },
      { path: 'password-dimenticata', element: <ForgotPasswordPage /> },
      { path: 'reimposta-password', element: <ResetPasswordPage /> },
      { path: 'accessibilita', element: <AccessibilityPage /> },
      { path: 'portale/monografie', element: <PublicReportsPage /> },
      { path: 'portale/monografie/:id', element: <PublicReportPage /> },
      // The associations' public join form (issue 6), signed out.
      { path: 'aderisci', element: <JoinPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'territori', element: <TerritoriesPage /> },
          { path: 'territori/:code', element: <TerritoryPage /> },
          { path: 'consigli', element: <CouncilsPage /> },
          { path: 'consigli/:id', element: <CouncilPage /> },
          { path: 'organizzazioni', element: <OrganizationsPage /> },
          { path: 'organizzazioni/nuova', element: <OrganizationNewPage /> },
          { path: 'organizzazioni/importa', element: <OrganizationImportPage /> },
          { path: 'organizzazioni/:id', element: <OrganizationPage /> },
          { path: 'organizzazioni/:id/modifica', element: <OrganizationEditPage /> },
          { path: 'basi-dati', element: <DataSourcesPage /> },
          { path: 'basi-dati/nuova', element: <DataSourceNewPage /> },
          { path: 'basi-dati/:id', element: <DataSourcePage /> },
          { path: 'basi-dati/:id/modifica', element: <DataSourceEditPage /> },
          { path: 'documentazione', element: <LibraryPage /> },
          { path: 'documentazione/nuovo', element: <LibraryNewPage /> },
          { path: 'documentazione/:id', element: <LibraryDocumentPage /> },
          // Events and training (module events)
          { path: 'eventi', element: <EventsPage /> },
          { path: 'eventi/nuovo', element: <EventNewPage /> },
          { path: 'eventi/:id', element: <EventPage /> },
          { path: 'eventi/:id/modifica', element: <EventEditPage /> },
          { path: 'statistiche/importa', element: <ImportsPage /> },
          { path: 'statistiche/importazioni/:id', element: <ImportPage /> },
          { path: 'moduli', element: <FormsPage /> },
          { path: 'moduli/importa', element: <RequireRole allow={can.manageForms}><FormImportPage /></RequireRole> },
          { path: 'moduli/:id/versioni/:version', element: <FormVersionPage /> },
          { path: 'campagne', element: <RequireRole allow={can.viewCampaigns}><CampaignsPage /></RequireRole> },
          { path: 'campagne/nuova', element: <RequireRole allow={can.createCampaigns}><CampaignNewPage /></RequireRole> },
          { path: 'campagne/:id', element: <RequireRole allow={can.viewCampaigns}><CampaignPage /></RequireRole> },
          { path: 'compilazioni/:id', element: <RequireRole allow={can.viewCampaigns}><SubmissionPage /></RequireRole> },
          { path: 'utenti', element: <RequireRole allow={can.manageUsers}><UsersPage /></RequireRole> },
          { path: 'utenti/nuovo', element: <RequireRole allow={can.manageUsers}><UserNewPage /></RequireRole> },
          { path: 'utenti/:id', element: <RequireRole allow={can.manageUsers}><UserPage /></RequireRole> },
          { path: 'registro-attivita', element: <RequireRole allow={can.viewAudit}><AuditPage /></RequireRole> },
          { path: 'amministrazione', element: <AdminPage /> },
          { path: 'posta-in-uscita', element: <RequireRole allow={can.viewOutbox}><OutboxPage /></RequireRole> },
          { path: 'profilo', element: <ProfilePage /> },
          { path: 'analisi', element: <AnalysisPage /> },
          { path: 'analisi/tabella', element: <PivotPage /> },
          { path: 'indicatori', element: <IndicatorsPage /> },
          { path: 'indicatori/nuovo', element: <RequireRole allow={canDefineIndicators}><IndicatorNewPage /></RequireRole> },
          { path: 'indicatori/:code', element: <IndicatorPage /> },
          { path: 'consigli/:id/cruscotto', element: <CouncilDashboardPage /> },
          { path: 'regioni/:code/cruscotto', element: <RegionDashboardPage /> },
          { path: 'monografie', element: <RequireRole allow={canReadReports}><ReportsPage /></RequireRole> },
          { path: 'monografie/modelli', element: <RequireRole allow={isNationalAdmin}><ReportTemplatesPage /></RequireRole> },
          { path: 'monografie/modelli/:id', element: <RequireRole allow={isNationalAdmin}><ReportTemplatePage /></RequireRole> },
          { path: 'monografie/:id', element: <RequireRole allow={canReadReports}><ReportPage /></RequireRole> },
          // Participation: the hub, associations and working groups (issue 6).
          { path: 'partecipazione', element: <ParticipationPage /> },
          { path: 'associazioni', element: <AssociationsPage /> },
          { path: 'associazioni/nuova', element: <AssociationNewPage /> },
          { path: 'associazioni/richieste', element: <JoinRequestsPage /> },
          { path: 'associazioni/:id', element: <AssociationPage /> },
          { path: 'gruppi-di-lavoro', element: <WorkingGroupsPage /> },
          { path: 'gruppi-di-lavoro/nuovo', element: <WorkingGroupNewPage /> },
          { path: 'gruppi-di-lavoro/:id', element: <WorkingGroupPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
