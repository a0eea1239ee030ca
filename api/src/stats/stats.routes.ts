import { CadreDistributionSchema } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { computeCadreDistribution } from './cadre-distribution.service.js';

export function registerStatsRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/stats/cadre-distribution',
    access: 'stats:read',
    operationId: 'getCadreDistribution',
    summary: 'Cadres by unit type and age band (老中青梯次)',
    tags: ['stats'],
    success: { status: 200, description: 'distribution', schema: CadreDistributionSchema },
    handler: ({ scope }) => computeCadreDistribution(scope, new Date()),
  });
}
