import type { ApiBuilder } from '../platform/endpoint.js';
import { registerFrameworkRoutes } from './framework.routes.js';
import { registerCycleRoutes } from './cycle.routes.js';
import { registerRatingRoutes } from './rating.routes.js';

/** The evaluation routes of frameworks, cycle setup and rating. */
export function registerEvaluationSetupRoutes(api: ApiBuilder): void {
  registerFrameworkRoutes(api);
  registerCycleRoutes(api);
  registerRatingRoutes(api);
}
