import { pino } from 'pino';
import { SERVER_OPERATOR } from '../platform/actor.js';
import { createTestApp } from '../test/test-app.js';
import { anAccount, TestClient } from '../test/test-client.js';
import { createUser } from './user.service.js';
import { UserModel } from './user.model.js';
import { ensureUsernameKeys, findUserByUsername, UsernameKeyModel } from './username-keys.js';

const newUser = (username: string) => ({ username, displayName: '键测试', roles: [], unitId: null, cadreId: null, password: 'Jiangbei#2026ok' });

describe('accounts found by their username key', () => {
  const app = createTestApp();

  it('signs in by the key, never by filtering the accounts', async () => {
    const account = await anAccount({ roles: ['cadre'] });
    // findById goes through findOne: every lookup must name the account's `_id`.
    const lookups = spyOn(UserModel, 'findOne').and.callThrough();

    await new TestClient(app).signIn(account);

    const filters = lookups.calls.allArgs().map(([filter]) => Object.keys((filter ?? {}) as object).join(','));
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.filter((keys) => keys !== '_id')).toEqual([]);
    expect(await UsernameKeyModel.findById(account.username).lean()).toEqual(jasmine.objectContaining({ userId: jasmine.anything() }));
  });

  it('lets only one of two simultaneous creations of a username through', async () => {
    const results = await Promise.allSettled([createUser(SERVER_OPERATOR, newUser('twin')), createUser(SERVER_OPERATOR, newUser('twin'))]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toEqual(jasmine.objectContaining({ status: 409, code: 'username_taken' }));
    expect(await UserModel.countDocuments({ username: 'twin' })).toBe(1);
  });

  it('writes the keys of accounts made before keys existed, once, at start', async () => {
    const account = await anAccount({ roles: ['cadre'] });
    await UsernameKeyModel.deleteMany({});
    expect(await findUserByUsername(account.username)).toBeNull();

    await ensureUsernameKeys(pino({ level: 'silent' }));

    expect((await findUserByUsername(account.username))?.username).toBe(account.username);
    await new TestClient(app).signIn(account);
  });
});
