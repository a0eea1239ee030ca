import request from 'supertest';
import type { Express } from 'express';
import mongoose from 'mongoose';
import type { Response } from 'supertest';
import { AuditModel } from '../audit/audit.model.js';
import { SessionModel } from '../auth/session.model.js';
import { UserModel, type UserDocument } from '../users/user.model.js';

/** The whole audit trail in chain order, as stored (driver documents, no casting). */
export async function auditTrail(filter: Record<string, unknown> = {}) {
  return AuditModel.collection.find(filter).sort({ seq: 1 }).toArray();
}

export async function auditCount(): Promise<number> {
  return AuditModel.collection.countDocuments();
}

/** The stored user document, exactly as the database holds it. */
export async function storedUser(id: string): Promise<UserDocument> {
  const doc = await UserModel.findById(id).lean<UserDocument>();
  if (!doc) throw new Error(`no user ${id}`);
  return doc;
}

export async function sessionsOf(userId: string) {
  return SessionModel.find({ userId: new mongoose.Types.ObjectId(userId) }).lean();
}

/** Document counts of every collection, to show that a refused request wrote nothing. */
export async function collectionCounts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const counts: Record<string, number> = {};
  // Rate-limit counters move with every authentication attempt by design; they are not data.
  for (const name of names.filter((n) => n !== 'rate_limits')) counts[name] = await db.collection(name).countDocuments();
  return counts;
}

export function setCookies(res: Response): string[] {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []);
}

/** The full Set-Cookie line of the cookie named `name`, if the response set it. */
export function setCookieNamed(res: Response, name: string): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${name}=`));
}

export function cookieValue(line: string): string {
  return line.split(';')[0]!.split('=').slice(1).join('=');
}

/** The attributes of a Set-Cookie line, lower-cased names, e.g. { httponly: '', samesite: 'Strict' }. */
export function cookieAttributes(line: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const part of line.split(';').slice(1)) {
    const [name, ...rest] = part.trim().split('=');
    attributes[name!.toLowerCase()] = rest.join('=');
  }
  return attributes;
}

const XSRF = 'security-spec-xsrf-token';

/** A login straight through supertest (no cookie jar), with a valid double-submit CSRF pair. */
export function rawLogin(app: Express, body: unknown, headers: Record<string, string> = {}) {
  const cookie = ['XSRF-TOKEN=' + XSRF, headers['Cookie']].filter(Boolean).join('; ');
  const req = request(app).post('/api/auth/login').set('X-XSRF-TOKEN', XSRF);
  for (const [name, value] of Object.entries(headers)) if (name !== 'Cookie') req.set(name, value);
  return req.set('Cookie', cookie).send(body as object);
}

/** Polls `check` until it holds (for work a route finishes after the response, e.g. a streamed export). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
