import type { Role, SessionStage } from '@cadre/shared-models';

/** The caller, as the session middleware resolved it from the session cookie. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  cadreId: string | null;
}

export interface AuthContext {
  user: AuthenticatedUser;
  sessionId: string;
  stage: SessionStage;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the session middleware when a valid session cookie came with the request. */
    auth?: AuthContext;
  }
}
