import { createTestApp } from '../test/test-app.js';
import { TestClient, signedInAs } from '../test/test-client.js';
import { AuditModel, type StoredAuditRecord } from './audit.model.js';
import { formatBeijingTime } from './audit.service.js';

describe('audit routes', () => {
  const app = createTestApp();

  it('pages the log for the audit administrator, newest first, never cached', async () => {
    const { client, account } = await signedInAs(app, ['audit_admin']);

    const res = await client.get('/api/audit?size=5&action=auth.').expect(200);

    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items[0]).toEqual(jasmine.objectContaining({ username: account.username, action: jasmine.stringMatching(/^auth\./) }));
    const seqs = (res.body.items as { seq: number }[]).map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('rejects an out-of-range page size with field errors', async () => {
    const { client } = await signedInAs(app, ['audit_admin']);
    const res = await client.get('/api/audit?size=5000').expect(400);
    expect(res.body.errors).toEqual([jasmine.objectContaining({ path: 'query.size' })]);
  });

  it('downloads the CSV as an attachment and audits the export itself', async () => {
    const { client, account } = await signedInAs(app, ['audit_admin']);

    const res = await client.get('/api/audit/export?result=success').expect(200);

    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-${formatBeijingTime(new Date()).slice(0, 10)}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.text;
    expect(body.startsWith('\uFEFF时间,用户,IP,操作,对象类型,对象,结果,请求编号,详情,操作代码,对象类型代码\r\n')).toBe(true);
    expect(body).toContain(`,${account.username},`);
    // The sign-in of the spec's account: its action and object type in words, their codes at the end.
    const login = body.split('\r\n').find((line) => line.includes(`,${account.username},`) && line.endsWith(',auth.login,user'));
    expect(login?.split(',').slice(3, 5)).toEqual(['登录', '账户']);
    const rows = body.split('\r\n').filter(Boolean).length - 1;

    const exported = await AuditModel.findOne({ action: 'audit.export' }).lean<StoredAuditRecord>();
    expect(exported).toEqual(
      jasmine.objectContaining({
        username: account.username,
        userId: account.id,
        result: 'success',
        detail: { filter: { result: 'success' }, rows, truncated: false },
      }),
    );
  });

  it('reports the verification of the chain', async () => {
    const { client } = await signedInAs(app, ['audit_admin']);
    const head = await AuditModel.findOne().sort({ seq: -1 }).lean<StoredAuditRecord>();

    const res = await client.get('/api/audit/verification').expect(200);

    expect(res.body).toEqual({
      ok: true,
      checked: head!.seq,
      headSeq: head!.seq,
      headHash: head!.hash,
      firstBrokenSeq: null,
      breakCount: 0,
      breaks: [],
      unkeyed: 0,
      anchor: null,
      checkpoint: null,
    });
  });

  it('offers no operation that could change or delete a record', async () => {
    const doc = (await (await new TestClient(app).init()).get('/api/openapi.json')).body as { paths: Record<string, object> };
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/audit'));
    expect(auditPaths.map(([path]) => path).sort()).toEqual(['/api/audit', '/api/audit/export', '/api/audit/verification']);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(['get']);
  });
});
