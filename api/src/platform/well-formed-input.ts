import type { RequestHandler } from 'express';
import { MALFORMED_TEXT_MESSAGE, findMalformedText } from '@cadre/shared-models';
import { AppError } from './errors.js';

function refuse(path: string, where: string): AppError {
  return new AppError(400, 'malformed_text', `${where}${MALFORMED_TEXT_MESSAGE}`, [{ path, message: MALFORMED_TEXT_MESSAGE }]);
}

/**
 * Node's query parser turns percent-encoded bytes that are not UTF-8 (a lone surrogate sent as
 * %ED%A0%80) into U+FFFD without a word, so the raw query is checked before it is trusted.
 */
function findMalformedQueryKey(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    const [rawKey = '', ...rawValue] = pair.replace(/\+/g, ' ').split('=');
    for (const part of [rawKey, rawValue.join('=')]) {
      try {
        decodeURIComponent(part);
      } catch {
        try {
          return decodeURIComponent(rawKey);
        } catch {
          return '(key)';
        }
      }
    }
  }
  return null;
}

/**
 * The input boundary for text: a string that is not well-formed UTF-16 (a lone surrogate,
 * which `\ud800` in JSON produces) is refused with 400 before any route sees it. Such a string
 * cannot be stored as it is: the database driver replaces it when it encodes BSON, so what a
 * route checked, hashed or compared would not be what the database keeps. Route params need no
 * check here: the router refuses an undecodable one itself (see errors.ts). Header values are
 * read as Latin-1 by Node and cannot hold a surrogate at all.
 */
export const rejectMalformedText: RequestHandler = (req, _res, next) => {
  const queryKey = findMalformedQueryKey(req.originalUrl);
  if (queryKey !== null) throw refuse(`query.${queryKey}`, '查询参数');
  if (!Buffer.isBuffer(req.body)) {
    const bodyPath = findMalformedText(req.body);
    if (bodyPath) throw refuse(['body', ...bodyPath].join('.'), '请求体');
  }
  next();
};
