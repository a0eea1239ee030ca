import type { Request } from 'express';
import type { Logger } from 'pino';
import type { Role, ScopeSubject } from '@cadre/shared-models';

/**
 * Who does something, independent of how they reached the server: handlers and services take
 * this rather than Express's request, so the command line calls the same services.
 */
export interface Actor extends ScopeSubject {
  /** The account, or null for the operator at the server's command line, who has none. */
  id: string | null;
  username: string | null;
  roles: readonly Role[];
  ip: string | null;
  requestId: string | null;
}

/** A signed-in caller of the API. */
export interface SessionActor extends Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  log: Logger;
}

/** Whoever an audit record names: an actor, or before a session exists just the address and request. */
export type AuditCaller = Pick<Actor, 'id' | 'username' | 'ip' | 'requestId'>;

/** The signed-in caller of a request, or null before sign-in. */
export function actorOf(req: Request): SessionActor | null {
  const user = req.auth?.user;
  if (!user) return null;
  return { ...user, ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id), log: req.log };
}

/** What an audit record can say about a request's caller, signed in or not. */
export function auditCallerOf(req: Request): AuditCaller {
  return actorOf(req) ?? { id: null, username: null, ip: req.ip ?? null, requestId: req.id === undefined ? null : String(req.id) };
}

/** The server acting by itself (first start, demo data) or for its operator at the command line: no account, no roles, no personnel scope. */
export const SERVER_OPERATOR: Actor = { id: null, username: null, roles: [], unitId: null, cadreId: null, ip: null, requestId: null };
