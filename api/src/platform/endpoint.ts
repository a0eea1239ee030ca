import { OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z, type ZodType } from 'zod';
import { AppError, fieldErrorsFromZod } from './errors.js';
import { isAllowed, ProblemSchema, type Action, type PersonnelScope, type SessionStage } from '@cadre/shared-models';
import type { AuditRecorder } from '../audit/audit-entry.js';
import { actorOf, type SessionActor } from './actor.js';
import { requireScope } from './data-scope.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  /** The signed-in caller; reading it on a public endpoint without a session is a 401. */
  actor: SessionActor;
  /**
   * The personnel records the caller reaches for the endpoint's action (`scopeFor`); reading it
   * when the caller reaches none is a 403, so no personnel query runs without a scope.
   */
  scope: PersonnelScope;
  req: Request;
  res: Response;
  /** The uploaded file of an endpoint declaring `upload`: its bytes and the type they were recognised as. */
  upload: UploadedFile | undefined;
}

export interface UploadedFile {
  bytes: Buffer;
  kind: string;
}

/**
 * A binary upload instead of a JSON body (security.md 25). The size is capped while reading
 * (413), and the type is decided by the bytes, never by the name or the declared content type.
 */
export interface UploadSpec {
  maxBytes: number;
  /** What the endpoint takes, for the message when the bytes are something else. */
  expected: string;
  /** Content types documented in the OpenAPI description. */
  contentTypes: readonly string[];
  /** The kind of file the bytes are, or null to refuse them. */
  sniff(bytes: Buffer): string | null;
}

/**
 * Who may call an endpoint: anyone, any signed-in user, or holders of an action in the role
 * table. There is no default: every definition states it, and the server checks it.
 */
export type Access = 'public' | 'authenticated' | Action;

export interface EndpointDefinition<Q, P, B> {
  method: Method;
  access: Access;
  /** Session stages the endpoint serves; only `active` unless it is a step of signing in. */
  stages?: readonly SessionStage[];
  /** Express-style path below /api, e.g. `/cadres/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  query?: ZodType<Q>;
  params?: ZodType<P>;
  body?: ZodType<B>;
  upload?: UploadSpec;
  /** Status and schema of the success response; omit the schema for a stream or file. */
  success: { status: number; description: string; schema?: ZodType; contentType?: string };
  handler(ctx: EndpointContext<Q, P, B>): unknown;
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) {
    // An endpoint that declares no query, params or body accepts none (security.md 22).
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      throw new AppError(400, 'validation_failed', `${where} 校验未通过`, [{ path: where, message: '此接口不接受该参数' }]);
    }
    return undefined as T;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(400, 'validation_failed', `${where} 校验未通过`, fieldErrorsFromZod(result.error, where));
  }
  return result.data;
}

function readUpload(spec: UploadSpec, body: unknown): UploadedFile {
  // A JSON or form request has been parsed by the body parsers before this route: it is not a file.
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(400, 'file_required', `请上传${spec.expected}`);
  }
  const kind = spec.sniff(body);
  if (kind === null) throw new AppError(400, 'unsupported_file_type', `文件内容不是${spec.expected}`);
  return { bytes: body, kind };
}

function personnelScopeOf(def: { access: Access; operationId: string }, actor: SessionActor): PersonnelScope {
  if (def.access === 'public' || def.access === 'authenticated') {
    throw new Error(`${def.operationId} reads a data scope but declares no action to scope it by`);
  }
  return requireScope(actor, def.access);
}

const STAGE_MESSAGES: Record<SessionStage, string> = {
  active: '已完成登录，无需再次验证',
  totp_required: '请先完成双因素认证',
  totp_enrollment_required: '您的角色要求启用双因素认证，请先完成绑定',
  password_change_required: '请先修改密码（首次登录或密码已过期）',
};

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

  constructor(private readonly audit: AuditRecorder) {}

  add<Q = undefined, P = undefined, B = undefined>(def: EndpointDefinition<Q, P, B>): void {
    this.document(def);
    const { upload } = def;
    const handlers: RequestHandler[] = upload
      ? // Authorize before reading the upload: an unauthorized caller must not make the server buffer megabytes.
        [(req, _res, next) => void this.authorize(def, req).then(() => next(), next), express.raw({ type: () => true, limit: upload.maxBytes })]
      : [];
    this.router[def.method](def.path, ...handlers, async (req, res) => {
      if (!upload) await this.authorize(def, req);
      const actor = actorOf(req);
      const ctx: EndpointContext<Q, P, B> = {
        query: parsePart(def.query, req.query, 'query'),
        params: parsePart(def.params, req.params, 'params'),
        body: upload ? (undefined as B) : parsePart(def.body, req.body ?? {}, 'body'),
        get actor() {
          if (!actor) throw new AppError(401, 'unauthenticated', '请先登录');
          return actor;
        },
        get scope() {
          return personnelScopeOf(def, this.actor);
        },
        req,
        res,
        upload: upload ? readUpload(upload, req.body) : undefined,
      };
      const result = await def.handler(ctx);
      if (res.headersSent) return;
      if (result === undefined) {
        res.status(def.success.status).end();
      } else {
        res.status(def.success.status).json(result);
      }
    });
  }

  private async authorize<Q, P, B>(def: EndpointDefinition<Q, P, B>, req: Request): Promise<void> {
    if (def.access === 'public') return;
    const auth = req.auth;
    if (!auth) throw new AppError(401, 'unauthenticated', '请先登录');
    const stages = def.stages ?? ['active'];
    if (!stages.includes(auth.stage)) {
      throw new AppError(403, auth.stage === 'active' ? 'already_signed_in' : auth.stage, STAGE_MESSAGES[auth.stage]);
    }
    if (def.access !== 'authenticated' && !isAllowed(auth.user.roles, def.access)) {
      await this.audit(req, {
        action: 'access.denied',
        result: 'denied',
        objectType: 'operation',
        objectId: def.operationId,
        detail: { method: def.method.toUpperCase(), path: req.path, required: def.access },
      });
      throw new AppError(403, 'forbidden', '您的角色无权执行此操作');
    }
  }

  private document<Q, P, B>(def: EndpointDefinition<Q, P, B>): void {
    const request: RouteConfig['request'] = {};
    if (def.query) request.query = def.query as unknown as z.ZodObject;
    if (def.params) request.params = def.params as unknown as z.ZodObject;
    if (def.body) request.body = { content: { 'application/json': { schema: def.body } }, required: true };
    if (def.upload) {
      const binary = z.string().meta({ format: 'binary' });
      request.body = {
        description: `${def.upload.expected}, at most ${def.upload.maxBytes} bytes; the type is checked by its content`,
        content: Object.fromEntries(def.upload.contentTypes.map((type) => [type, { schema: binary }])),
        required: true,
      };
    }
    const { success } = def;
    this.registry.registerPath({
      method: def.method,
      path: `/api${def.path.replace(/:(\w+)/g, '{$1}')}`,
      operationId: def.operationId,
      summary: def.summary,
      tags: def.tags,
      'x-access': def.access,
      'x-stages': def.stages ?? ['active'],
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
