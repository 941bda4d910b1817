import { form, formCreateBody, formDefinition, formDeriveBody, formDraftBody, formVersion, formVersionParams } from '@mosaico/contracts/forms';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { deriveVersion, getFormVersion, importForm, listForms, publishVersion, updateDraft } from './forms.service.ts';

const jsonSchema = z.toJSONSchema(formDefinition, { io: 'input', unrepresentable: 'any' });

export function formRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/forms', { schema: { tags: ['forms'], summary: 'Monitoring forms and their versions', response: { 200: z.array(form) } } }, (req) =>
    listForms(ctxOf(req, deps)),
  );
  r.get(
    '/forms/definition-schema.json',
    { schema: { tags: ['forms'], summary: 'The JSON Schema of a form definition (for authors and tools)', response: { 200: z.unknown() } } },
    async () => jsonSchema,
  );
  r.post(
    '/forms',
    {
      schema: {
        tags: ['forms'],
        summary: 'Import a form definition (JSON): a new form, or a new draft version of the form with that code',
        body: formCreateBody,
        response: { 201: formVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await importForm(ctxOf(req, deps), req.body.definition)),
  );
  r.get(
    '/forms/:id/versions/:version',
    { schema: { tags: ['forms'], summary: 'One version of a form with its definition', params: formVersionParams, response: { 200: formVersion } } },
    (req) => getFormVersion(ctxOf(req, deps), req.params.id, req.params.version),
  );
  r.put(
    '/forms/:id/versions/:version',
    {
      schema: { tags: ['forms'], summary: 'Replace a draft’s definition (send the revision read)', params: formVersionParams, body: formDraftBody, response: { 200: formVersion } },
    },
    (req) => updateDraft(ctxOf(req, deps), req.params.id, req.params.version, req.body.definition, req.body.revision),
  );
  r.post(
    '/forms/:id/versions/:version/publish',
    { schema: { tags: ['forms'], summary: 'Publish a draft; a published version never changes', params: formVersionParams, response: { 200: formVersion } } },
    (req) => publishVersion(ctxOf(req, deps), req.params.id, req.params.version),
  );
  r.post(
    '/forms/:id/versions',
    {
      schema: {
        tags: ['forms'],
        summary: 'Derive a new draft version from a published one',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: formDeriveBody,
        response: { 201: formVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await deriveVersion(ctxOf(req, deps), req.params.id, req.body.from)),
  );
}
