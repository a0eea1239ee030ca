import { OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type Response } from 'express';
import { z, type ZodType } from 'zod';
import { AppError, fieldErrorsFromZod } from './errors.js';
import { ProblemSchema } from '@cadre/shared-models';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  req: Request;
  res: Response;
}

export interface EndpointDefinition<Q, P, B> {
  method: Method;
  /** Express-style path below /api, e.g. `/cadres/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  query?: ZodType<Q>;
  params?: ZodType<P>;
  body?: ZodType<B>;
  /** Status and schema of the success response; omit the schema for a stream or file. */
  success: { status: number; description: string; schema?: ZodType; contentType?: string };
  /** Marks endpoints whose responses carry personal data (Cache-Control: no-store). */
  personalData?: boolean;
  handler(ctx: EndpointContext<Q, P, B>): unknown;
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(400, 'validation_failed', `${where} 校验未通过`, fieldErrorsFromZod(result.error, where));
  }
  return result.data;
}

const PROBLEM_RESPONSE = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};

/**
 * Declares each endpoint once: the same definition mounts the Express handler, validates its
 * inputs with the shared zod schemas and documents it in the OpenAPI registry.
 */
export class ApiBuilder {
  readonly router = Router();
  readonly registry = new OpenAPIRegistry();

  add<Q = undefined, P = undefined, B = undefined>(def: EndpointDefinition<Q, P, B>): void {
    this.document(def);
    this.router[def.method](def.path, async (req, res) => {
      const ctx: EndpointContext<Q, P, B> = {
        query: parsePart(def.query, req.query, 'query'),
        params: parsePart(def.params, req.params, 'params'),
        body: parsePart(def.body, req.body ?? {}, 'body'),
        req,
        res,
      };
      if (def.personalData) res.set('Cache-Control', 'no-store');
      const result = await def.handler(ctx);
      if (res.headersSent) return;
      if (result === undefined) {
        res.status(def.success.status).end();
      } else {
        res.status(def.success.status).json(result);
      }
    });
  }

  private document<Q, P, B>(def: EndpointDefinition<Q, P, B>): void {
    const request: RouteConfig['request'] = {};
    if (def.query) request.query = def.query as unknown as z.ZodObject;
    if (def.params) request.params = def.params as unknown as z.ZodObject;
    if (def.body) request.body = { content: { 'application/json': { schema: def.body } }, required: true };
    const { success } = def;
    this.registry.registerPath({
      method: def.method,
      path: `/api${def.path.replace(/:(\w+)/g, '{$1}')}`,
      operationId: def.operationId,
      summary: def.summary,
      tags: def.tags,
      request,
      responses: {
        [success.status]: {
          description: success.description,
          ...(success.schema
            ? { content: { [success.contentType ?? 'application/json']: { schema: success.schema } } }
            : {}),
        },
        '4XX': PROBLEM_RESPONSE,
        '5XX': PROBLEM_RESPONSE,
      },
    });
  }
}
