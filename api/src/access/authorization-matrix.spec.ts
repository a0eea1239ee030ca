import { ACTIONS, ROLES, isAllowed, type Action, type Role } from '@cadre/shared-models';
import { createTestApp } from '../test/test-app.js';
import { TestClient, signedInAs } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  access: string;
  stages: string[];
}

const SOME_ID = '0123456789abcdef01234567';
// Signing out would end the session the rest of the row depends on; it gets its own spec below.
const SESSION_ENDING = new Set(['logout']);

function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, SOME_ID);
}

function expectedAllowed(op: Operation, roles: Role[]): boolean {
  if (op.access === 'public') return true;
  if (!op.stages.includes('active')) return false;
  if (op.access === 'authenticated') return true;
  return isAllowed(roles, op.access as Action);
}

async function readOperations(client: TestClient): Promise<Operation[]> {
  const doc = (await client.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method as Operation['method'],
        path,
        operationId: String(op['operationId']),
        access: String(op['x-access']),
        stages: (op['x-stages'] as string[]) ?? [],
      });
    }
  }
  return ops;
}

async function call(client: TestClient, op: Operation) {
  const path = concretePath(op.path);
  return op.method === 'get' ? client.get(path) : op.method === 'delete' ? client.delete(path) : client[op.method](path, {});
}

describe('authorization matrix: every operation in /api/openapi.json against every role and no session', () => {
  // Enough sign-ins for eight roles must not trip the authentication rate limit.
  const app = createTestApp({ AUTH_RATE_LIMIT_MAX: '1000' });
  // A walk sends one request per operation (over 50 with issue 4): beyond the default 5 s on a busy machine.
  const WALK_TIMEOUT_MS = 60_000;

  it('declares an access rule from the permission table for every operation', async () => {
    const ops = await readOperations(await new TestClient(app).init());
    expect(ops.length).toBeGreaterThan(15);
    const known = new Set<string>(['public', 'authenticated', ...ACTIONS]);
    for (const op of ops) {
      expect(known.has(op.access)).withContext(`${op.method.toUpperCase()} ${op.path} access=${op.access}`).toBeTrue();
      expect(op.stages.length).withContext(`${op.operationId} stages`).toBeGreaterThan(0);
    }
  });

  it('answers 401 to every non-public operation without a session', async () => {
    const client = await new TestClient(app).init();
    for (const op of await readOperations(client)) {
      const res = await call(client, op);
      if (op.access === 'public') {
        // A public operation may still say "not signed in" (getSession does); it never forbids.
        expect(res.status).withContext(`${op.operationId} is public`).not.toBe(403);
      } else {
        expect(res.status).withContext(`${op.method.toUpperCase()} ${op.path}`).toBe(401);
      }
    }
  }, WALK_TIMEOUT_MS);

  // Every single role, and the pairs 三员分立 allows that mix scopes (district, subtree, own record).
  const ROLE_SETS: Role[][] = [
    ...ROLES.map((role) => [role]),
    ['assessor', 'unit_manager'],
    ['unit_manager', 'cadre'],
    ['assessor', 'cadre'],
    ['org_admin', 'cadre'],
    ['reviewer', 'cadre'],
  ];

  for (const roles of ROLE_SETS) {
    const label = roles.join('+');
    it(`allows and denies exactly what the table says for ${label}`, async () => {
      const unit = await aUnit({ type: 'street' });
      const cadre = await aCadre(unit);
      const { client } = await signedInAs(app, roles, {
        unitId: roles.some((role) => ['unit_manager', 'cadre', 'org_admin', 'assessor', 'reviewer'].includes(role)) ? String(unit._id) : null,
        cadreId: roles.includes('cadre') ? String(cadre._id) : null,
      });
      for (const op of await readOperations(client)) {
        if (SESSION_ENDING.has(op.operationId)) continue;
        const res = await call(client, op);
        const where = `${label} ${op.method.toUpperCase()} ${op.path} → ${res.status} ${res.body?.code ?? ''}`;
        if (expectedAllowed(op, roles)) {
          expect([401, 403]).withContext(where).not.toContain(res.status);
        } else {
          expect(res.status).withContext(where).toBe(403);
        }
      }
    }, WALK_TIMEOUT_MS);
  }

  it('lets every role sign out, after which the session is refused', async () => {
    for (const role of ROLES) {
      const { client } = await signedInAs(app, [role]);
      await client.post('/api/auth/logout').expect(204);
      await client.get('/api/auth/session').expect(401);
    }
  });
});
