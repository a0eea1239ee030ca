import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem, ProblemCode } from '@cadre/shared-models';
import { ZodError } from 'zod';

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type routes and services throw; the error middleware turns it into a problem. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem, e.g. `current` on a version conflict. */
    readonly extensions?: Pick<Problem, 'current' | 'lockedUntil' | 'attemptsRemaining'>,
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: '请求参数有误',
  401: '未登录或会话已过期',
  403: '无权访问',
  404: '资源不存在',
  409: '数据已被他人修改',
  413: '上传内容过大',
  415: '不支持的内容类型',
  422: '请求无法处理',
  423: '账户已锁定',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

export function fieldErrorsFromZod(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `没有这个接口：${req.method} ${req.path}`));
};

function isMongoUnavailable(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|MongoTopologyClosedError/.test(name);
}

/** An error the body parsers or the router raise about the request itself. */
function isClientRequestError(err: unknown): err is { status: number; type?: string } {
  const { status, expose } = (err ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return false;
  // The router marks a path parameter it cannot decode with status 400 alone.
  return expose === true || err instanceof URIError;
}

// Their own messages are English and name internals (zlib codes, the decoder), so none reaches the user.
function describeClientRequestError(err: { status: number; type?: string }): { status: number; code: ProblemCode; detail: string } {
  if (err.type === 'charset.unsupported') return { status: 415, code: 'unsupported_charset', detail: '请求体的字符集不受支持，请使用 UTF-8' };
  if (err.type === 'encoding.unsupported') {
    return { status: 415, code: 'unsupported_encoding', detail: '请求体的压缩方式（Content-Encoding）不受支持，请使用 gzip、deflate 或不压缩' };
  }
  if (err instanceof URIError) return { status: 400, code: 'malformed_url', detail: '请求地址中的百分号编码（%）有误' };
  return { status: 400, code: 'malformed_body', detail: '请求体无法读取：压缩数据已损坏或长度与声明不符' };
}

/** Maps every error to application/problem+json (RFC 9457); never leaks stacks or database messages. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const requestId = String(req.id ?? '');
  let status = 500;
  let code: ProblemCode = 'internal_error';
  let detail: string | undefined;
  let errors: FieldError[] | undefined;
  let extensions: AppError['extensions'];

  if (err instanceof AppError) {
    ({ status, code, extensions } = err);
    detail = err.message;
    errors = err.errors;
  } else if (err instanceof ZodError) {
    status = 400;
    code = 'validation_failed';
    errors = fieldErrorsFromZod(err);
  } else if ((err as { type?: string }).type === 'entity.parse.failed') {
    status = 400;
    code = 'malformed_json';
    detail = '请求体不是合法的 JSON';
  } else if ((err as { type?: string }).type === 'entity.too.large') {
    status = 413;
    code = 'payload_too_large';
    detail = '上传内容超过大小上限';
  } else if (isClientRequestError(err)) {
    ({ status, code, detail } = describeClientRequestError(err));
  } else if (isMongoUnavailable(err)) {
    status = 503;
    code = 'database_unavailable';
    detail = '数据库暂时无法连接，请稍后重试';
  }

  if (status >= 500) {
    req.log.error({ err }, 'request failed');
  } else {
    req.log.info({ code, status }, 'request rejected');
  }

  const problem: Problem = {
    type: `https://cadre-platform.invalid/problems/${code}`,
    title: TITLES[status] ?? '请求失败',
    status,
    code,
    requestId,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    ...extensions,
  };
  res.status(status).type('application/problem+json').json(problem);
};
