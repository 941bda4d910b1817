import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/http/app.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { campaignOverviewRoutes } from './campaigns/campaign-overview.routes.ts';
import { campaignRoutes } from './campaigns/campaigns.routes.ts';
import { reminderRoutes } from './campaigns/reminders.routes.ts';
import { submissionBulkRoutes } from './campaigns/submission-bulk.routes.ts';
import { submissionCommentRoutes } from './campaigns/submission-comments.routes.ts';
import { submissionPreviousRoutes } from './campaigns/submission-previous.routes.ts';
import { councilRoutes } from './councils/councils.routes.ts';
import { dataValueRoutes } from './data-values/data-values.routes.ts';
import { formXlsformRoutes } from './forms/forms-xlsform.routes.ts';
import { formRoutes } from './forms/forms.routes.ts';
import { eventRoutes } from './events/events.routes.ts';
import { indicatorRoutes } from './indicators/indicators.routes.ts';
import { libraryRoutes } from './library/library.routes.ts';
// Participation: associations, working groups and the overview (issue 6).
import { associationRoutes } from './associations/associations.routes.ts';
import { participationOverviewRoutes } from './participation/participation-overview.routes.ts';
import { workingGroupRoutes } from './working-groups/working-groups.routes.ts';
import { organizationRoutes } from './organizations/organizations.routes.ts';
import { dataSourceRoutes } from './statistics/data-sources.routes.ts';
import { importRoutes } from './statistics/imports.routes.ts';
import { outboxRoutes } from './outbox/outbox.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { territoryRoutes } from './territories/territories.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** Every module's routes, mounted under /api/v1. */
export function registerModules(app: FastifyInstance, deps: AppDeps) {
  authRoutes(app, deps);
  territoryRoutes(app, deps);
  councilRoutes(app, deps);
  formRoutes(app, deps);
  formXlsformRoutes(app, deps);
  campaignRoutes(app, deps);
  dataValueRoutes(app, deps);
  reminderRoutes(app, deps);
  submissionBulkRoutes(app, deps);
  submissionCommentRoutes(app, deps);
  submissionPreviousRoutes(app, deps);
  campaignOverviewRoutes(app, deps);
  organizationRoutes(app, deps);
  auditRoutes(app, deps);
  userRoutes(app, deps);
  outboxRoutes(app, deps);
  dataSourceRoutes(app, deps);
  indicatorRoutes(app, deps);
  importRoutes(app, deps);
  reportRoutes(app, deps);
  libraryRoutes(app, deps);
  eventRoutes(app, deps);
  associationRoutes(app, deps);
  workingGroupRoutes(app, deps);
  participationOverviewRoutes(app, deps);
}
