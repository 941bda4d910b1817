import { idParam } from '@mosaico/contracts/common';
import { campaignReminder } from '@mosaico/contracts/reminders';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { listCampaignReminders } from './reminders.service.ts';

export function reminderRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/campaigns/:id/reminders',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Deadline reminders sent for the campaign’s submissions in the caller’s reach (council side)',
        params: idParam,
        response: { 200: z.array(campaignReminder) },
      },
    },
    (req) => listCampaignReminders(ctxOf(req, deps), req.params.id),
  );
}
