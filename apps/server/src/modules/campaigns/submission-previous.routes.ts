import { idParam } from '@mosaico/contracts/common';
import { previousValues } from '@mosaico/contracts/submission-previous';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { getPreviousValues } from './submission-previous.service.ts';

export function submissionPreviousRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/submissions/:id/previous-values',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'The same council’s values in the most recent earlier campaign of this form, to copy last year’s value',
        params: idParam,
        response: { 200: previousValues },
      },
    },
    (req) => getPreviousValues(ctxOf(req, deps), req.params.id),
  );
}
