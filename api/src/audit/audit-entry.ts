import type { Request } from 'express';

/** What a feature tells the audit trail; who, when, from where and the request id come from the request. */
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

export type AuditRecorder = (req: Request | null, entry: AuditEntry) => Promise<void>;
