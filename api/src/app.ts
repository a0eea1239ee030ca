import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import * as z from 'zod';
import { chineseIssueMessage } from '@cadre/shared-models';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { ApiBuilder } from './platform/endpoint.js';
import { notFoundHandler, problemHandler } from './platform/errors.js';
import { generateOpenApiDocument } from './platform/openapi.js';
import { createApiDocsRouter } from './platform/api-docs.js';
import type { DatabaseInfo } from './db/connection.js';
import type { Config } from './config.js';
import { authSettingsFrom, type AuthSettings } from './auth/auth-settings.js';
import { sessionMiddleware } from './auth/session.middleware.js';
import { isSecureRequest } from './auth/session.service.js';
import { createAuthRateLimiter, RATE_LIMITED_AUTH_PATHS, registerAuthRoutes } from './auth/auth.routes.js';
import { csrfProtection } from './platform/csrf.js';
import { rejectMalformedText } from './platform/well-formed-input.js';
import { recordAudit } from './audit/audit.service.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerUserRoutes } from './users/user.routes.js';
import { registerUnitRoutes } from './units/unit.routes.js';
import { registerCadreRoutes } from './cadres/cadre.routes.js';
import { registerCorrectionRoutes } from './corrections/correction.routes.js';
import { registerEvaluationResultRoutes } from './evaluation/evaluation-results.routes.js';
import { registerImportRoutes } from './imports/import.routes.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { registerDistrictRoutes } from './district/district.routes.js';
import { registerStatsRoutes } from './stats/stats.routes.js';
import { registerLedgerRoutes } from './ledger/ledger.routes.js';
import { registerEvaluationSetupRoutes } from './evaluation/evaluation-setup.routes.js';

export interface AppDependencies {
  logger: Logger;
  database: DatabaseInfo;
  config: Config;
  /** Folder of the built Angular client; omitted in API-only tests. */
  clientDist?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Every endpoint of the API, declared once; also used to generate the OpenAPI document offline. */
export function buildApi(database: DatabaseInfo, settings: AuthSettings): ApiBuilder {
  const api = new ApiBuilder(recordAudit);
  registerHealthRoutes(api, database);
  registerAuthRoutes(api, settings);
  registerDistrictRoutes(api);
  registerStatsRoutes(api);
  registerUserRoutes(api);
  registerUnitRoutes(api);
  registerCadreRoutes(api);
  registerLedgerRoutes(api);
  registerCorrectionRoutes(api);
  registerEvaluationSetupRoutes(api);
  registerEvaluationResultRoutes(api);
  registerImportRoutes(api);
  registerAuditRoutes(api);
  return api;
}

/** Builds the Express app without listening or connecting, so tests drive it with supertest. */
export function createApp({ logger, database, config, clientDist }: AppDependencies): Express {
  // Field messages the API sends are read by users: zod's issues without a schema message in Chinese.
  z.config({ localeError: chineseIssueMessage });
  const settings = authSettingsFrom(config);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // Method, path and status are enough to trace a request; headers carry cookies and tokens.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Angular Material and ngx-charts set inline style attributes.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          // Intranet deployments may serve plain HTTP; upgrading would break them.
          'upgrade-insecure-requests': null,
        },
      },
      // HSTS only means something behind HTTPS; helmet sends it only when the request is secure.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.use(cookieParser());
  app.use('/api', rejectMalformedText);

  const api = buildApi(database, settings);
  const openApiDocument = generateOpenApiDocument(api.registry);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api/docs', createApiDocsRouter());
  app.use('/api', (_req, res, next) => {
    // Nothing the API returns may be kept by a browser or proxy cache unless a route says so.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', csrfProtection((req) => isSecureRequest(req, settings)));
  app.use('/api', sessionMiddleware(settings));
  app.use(RATE_LIMITED_AUTH_PATHS.map((p) => `/api${p}`), createAuthRateLimiter(settings));
  app.use('/api', api.router);
  app.use('/api', notFoundHandler);

  if (clientDist && existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!api\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
