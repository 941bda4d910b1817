import { idParam } from '@mosaico/contracts/common';
import {
  member,
  memberCreate,
  memberParams,
  memberPatch,
  workingGroup,
  workingGroupCreate,
  workingGroupDeleteQuery,
  workingGroupDetail,
  workingGroupPage,
  workingGroupPatch,
  workingGroupQuery,
} from '@mosaico/contracts/working-groups';
import type { FastifyInstance, } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/app.ts';
import { ctxOf } from '../../platform/http/auth-context.ts';
import { parseIfMatch, setVersionEtag } from '../../platform/http/etag.ts';
import { addMember, removeMember, updateMember } from './working-group-members.ts';
import { createWorkingGroup, deleteWorkingGroup, getWorkingGroup, listWorkingGroups, updateWorkingGroup } from './working-groups.service.ts';
import { signedIn } from '../../platform/http/sign-in.ts';

const tags = ['working-groups'];


export function workingGroupRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/working-groups',
    { ...signedIn, schema: { tags, summary: 'Local working groups of your region and council, filtered and paged', querystring: workingGroupQuery, response: { 200: workingGroupPage } } },
    (req) => listWorkingGroups(ctxOf(req, deps), req.query),
  );
  r.post(
    '/working-groups',
    { ...signedIn, schema: { tags, summary: 'Form a working group (the region’s coordinators, the council’s referents and tutors)', body: workingGroupCreate, response: { 201: workingGroup } } },
    async (req, reply) => reply.status(201).send(await createWorkingGroup(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/working-groups/:id',
    { ...signedIn, schema: { tags, summary: 'One group with its members, their training hours and its meetings (ETag: its version)', params: idParam, response: { 200: workingGroupDetail } } },
    async (req, reply) => {
      const g = await getWorkingGroup(ctxOf(req, deps), req.params.id);
      setVersionEtag(reply, g.version);
      return g;
    },
  );
  r.patch(
    '/working-groups/:id',
    { ...signedIn, schema: { tags, summary: 'Edit a group at the version read (body or If-Match)', params: idParam, body: workingGroupPatch, response: { 200: workingGroup } } },
    async (req, reply) => {
      const g = await updateWorkingGroup(ctxOf(req, deps), req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      setVersionEtag(reply, g.version);
      return g;
    },
  );
  r.delete(
    '/working-groups/:id',
    { ...signedIn, schema: { tags, summary: 'Delete a group and its members (its meetings stay); send the version read', params: idParam, querystring: workingGroupDeleteQuery, response: { 204: z.null().describe('Deleted') } } },
    async (req, reply) => {
      await deleteWorkingGroup(ctxOf(req, deps), req.params.id, req.query.version ?? parseIfMatch(req.headers['if-match']));
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/working-groups/:id/members',
    { ...signedIn, schema: { tags, summary: 'Add a member: an organisation and/or a person (a user, or a name with an e-mail), with a role', params: idParam, body: memberCreate, response: { 201: member } } },
    async (req, reply) => reply.status(201).send(await addMember(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.patch(
    '/working-groups/:id/members/:memberId',
    { ...signedIn, schema: { tags, summary: 'Change a member’s role, dates or identity', params: memberParams, body: memberPatch, response: { 200: member } } },
    (req) => updateMember(ctxOf(req, deps), req.params.id, req.params.memberId, req.body),
  );
  r.delete(
    '/working-groups/:id/members/:memberId',
    { ...signedIn, schema: { tags, summary: 'Remove a member', params: memberParams, response: { 204: z.null().describe('Removed') } } },
    async (req, reply) => {
      await removeMember(ctxOf(req, deps), req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
