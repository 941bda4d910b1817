import { idParam } from '@mosaico/contracts/common';
import { grantBody, user, userCreate, userPage, userPatch, userQuery, userRoleParams } from '@mosaico/contracts/users';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { baseUrlOf } from '../../platform/http/base-url.ts';
import { createUser, getUser, grantRole, listUsers, revokeRole, updateUser } from './users.service.ts';

export function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users within your scope (national admins, regional coordinators, council referents)',
        querystring: userQuery,
        response: { 200: userPage },
      },
    },
    (req) => listUsers(ctxOf(req, deps), req.query),
  );
  r.get('/users/:id', { schema: { tags: ['users'], summary: 'One user within your scope', params: idParam, response: { 200: user } } }, async (req, reply) => {
    const u = await getUser(ctxOf(req, deps), req.params.id);
    setVersionEtag(reply, u.version);
    return u;
  });
  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with roles within your reach; without a password an invitation link (7 days) is e-mailed',
        body: userCreate,
        response: { 201: user },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(req, deps), req.body, { baseUrl: baseUrlOf(req, deps) })),
  );
  r.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Edit name, language or active state; send the version read (body or If-Match). Deactivating closes the user’s sessions',
        params: idParam,
        body: userPatch,
        response: { 200: user },
      },
    },
    async (req, reply) => {
      const u = await updateUser(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, u.version);
      return u;
    },
  );
  r.post(
    '/users/:id/roles',
    {
      schema: { tags: ['users'], summary: 'Grant a role in a scope within your reach', params: idParam, body: grantBody, response: { 201: user } },
    },
    async (req, reply) => reply.status(201).send(await grantRole(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.delete(
    '/users/:id/roles/:roleId',
    { schema: { tags: ['users'], summary: 'Revoke a role (never the last national admin)', params: userRoleParams, response: { 200: user } } },
    (req) => revokeRole(ctxOf(req, deps), req.params.id, req.params.roleId),
  );
}
