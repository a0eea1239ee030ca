import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '@cadre/shared-models';
import { loadConfig } from '../config.js';
import { createUser } from '../users/user.service.js';
import { dataCipher } from '../platform/data-cipher.js';
import { generateTotpSecret } from '../auth/totp.js';
import { SERVER_OPERATOR } from '../platform/actor.js';
import { referenceTotp } from './reference-totp.js';
import { aUnit } from './factories.js';

export const GOOD_PASSWORD = 'Jiangbei#2026ok';
/** The roles the default configuration makes enrol a second factor. */
const TOTP_REQUIRED_BY_DEFAULT = loadConfig({}).TOTP_REQUIRED_ROLES;

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
}

let sequence = 0;

/** An account created as the operations CLI would, with a known password and, when asked, an enrolled TOTP secret. */
export async function anAccount(options: { roles: Role[]; unitId?: string | null; cadreId?: string | null; totp?: boolean; username?: string }): Promise<TestAccount> {
  sequence += 1;
  const username = options.username ?? `user${sequence}`;
  const totpSecret = options.totp ? generateTotpSecret() : null;
  // A unit manager always has a unit (explainMissingUnit): one is made when the spec names none.
  const unitId = options.unitId !== undefined ? options.unitId : options.roles.includes('unit_manager') ? String((await aUnit())._id) : null;
  const { user } = await createUser(SERVER_OPERATOR, {
    username,
    displayName: `测试用户${sequence}`,
    roles: options.roles,
    unitId,
    cadreId: options.cadreId ?? null,
    password: GOOD_PASSWORD,
    totpSecret: totpSecret ? dataCipher().encrypt(totpSecret) : null,
  });
  return { id: user.id, username, password: GOOD_PASSWORD, totpSecret };
}

/**
 * A code for the current step from the specs' own RFC 6238 implementation: offset (in steps) lets
 * a spec use a fresh step when the current one was already spent.
 */
export function totpCodeFor(secret: string, offset = 0): string {
  return referenceTotp(secret, Date.now() / 1000 + offset * 30);
}

/**
 * A browser-like client: keeps cookies, and echoes the XSRF cookie in the X-XSRF-TOKEN header
 * on mutating requests, as Angular's HttpClient does.
 */
export class TestClient {
  readonly agent;
  private xsrf = '';

  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async init(): Promise<this> {
    const res = await this.agent.get('/api/auth/session');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('XSRF-TOKEN='));
    if (cookie) this.xsrf = cookie.split(';')[0]!.slice('XSRF-TOKEN='.length);
    return this;
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.agent.post(path).set('X-XSRF-TOKEN', this.xsrf).send(body ?? {});
  }
  patch(path: string, body: object) {
    return this.agent.patch(path).set('X-XSRF-TOKEN', this.xsrf).send(body);
  }
  put(path: string, body: object) {
    return this.agent.put(path).set('X-XSRF-TOKEN', this.xsrf).send(body);
  }
  delete(path: string) {
    return this.agent.delete(path).set('X-XSRF-TOKEN', this.xsrf);
  }

  /** Signs in through the real endpoints, passing the second factor when the account has one. */
  async signIn(account: TestAccount): Promise<this> {
    if (!this.xsrf) await this.init();
    const res = await this.post('/api/auth/login', { username: account.username, password: account.password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.stage === 'totp_required') {
      const totp = await this.post('/api/auth/totp', { code: totpCodeFor(account.totpSecret!) });
      if (totp.status !== 200) throw new Error(`TOTP failed: ${totp.status} ${JSON.stringify(totp.body)}`);
    }
    return this;
  }
}

/** A signed-in client for a new account with the given roles; TOTP enrolled whenever the roles require it. */
export async function signedInAs(app: Express, roles: Role[], links: { unitId?: string | null; cadreId?: string | null } = {}) {
  const needsTotp = roles.some((r) => TOTP_REQUIRED_BY_DEFAULT.includes(r));
  const account = await anAccount({ roles, ...links, totp: needsTotp });
  const client = await new TestClient(app).signIn(account);
  return { client, account };
}
