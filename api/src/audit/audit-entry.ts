import type { Request } from 'express';
import type { AuditCaller } from '../platform/actor.js';

/** What a feature tells the audit trail; who, from where and the request id come from the caller. */
export interface AuditEntry {
  /** Dotted verb, e.g. `auth.login`, `user.create`, `cadre.read`, `audit.export`. */
  action: string;
  result: 'success' | 'failure' | 'denied';
  objectType?: string | null;
  objectId?: string | null;
  /** Changed fields as { field: { before, after } } or other context; personal data masked by the caller. */
  detail?: Record<string, unknown> | null;
  /** For events before a session exists (failed logins): the username that was tried. */
  username?: string | null;
  userId?: string | null;
}

/**
 * Records for an actor, or for a bare request where no actor exists yet (sign-in steps, and
 * denials the endpoint layer audits before a handler runs); null for background jobs.
 */
export type AuditRecorder = (who: AuditCaller | Request | null, entry: AuditEntry) => Promise<void>;
