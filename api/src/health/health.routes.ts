import { HealthSchema, ReadySchema } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { pingDatabase, type DatabaseInfo } from '../db/connection.js';

export function registerHealthRoutes(api: ApiBuilder, database: DatabaseInfo): void {
  api.add({
    method: 'get',
    path: '/health',
    access: 'public',
    operationId: 'getHealth',
    summary: 'Liveness: the process is up',
    tags: ['operations'],
    success: { status: 200, description: 'alive', schema: HealthSchema },
    handler: () => ({ status: 'ok' }),
  });

  api.add({
    method: 'get',
    path: '/ready',
    access: 'public',
    operationId: 'getReady',
    summary: 'Readiness: the database answers, and which database it is',
    tags: ['operations'],
    success: { status: 200, description: 'ready', schema: ReadySchema },
    handler: async ({ res }) => {
      const up = await pingDatabase();
      res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable', database });
    },
  });
}
