import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { healthRoutes } from '../../modules/health/health.routes.ts';
import { registerModules } from '../../modules/routes.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { registerAuthContext } from './auth-context.ts';
import { registerErrorHandling } from './error-handler.ts';
import { pickLang } from './lang.ts';
import { registerOpenApi } from './openapi.ts';
import { zodValidatorCompiler } from './validation.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  mailer: Mailer;
  version: string;
}

/** Builds the HTTP application: security, sessions, the API under /api/v1, its OpenAPI document and the web app. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    genReqId: () => randomUUID(),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('lang', 'it');
  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  // HSTS only makes sense (and is only honoured) over TLS, which a proxy in front of us terminates.
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: 1200,
    timeWindow: '1 minute',
    errorResponseBuilder: (req) => ({
      statusCode: 429,
      error: { code: 'too_many_requests', message: req.lang === 'en' ? 'Too many requests: try again shortly.' : 'Troppe richieste: riprova tra poco.', requestId: req.id },
    }),
  });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });

  registerErrorHandling(app);
  registerAuthContext(app, deps);
  await registerOpenApi(app);
  healthRoutes(app, deps);

  await app.register((api, _o, done) => {
    registerModules(api, deps);
    done();
  }, { prefix: '/api/v1' });

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
  }
  return app;
}
