import { pino } from 'pino';
import { AuditQuerySchema } from '@cadre/shared-models';
import { clearCollections } from '../test/test-database.js';
import { appendAuditRecord } from './audit-chain.js';
import { auditFields } from './audit-fixtures.js';
import { createAuditLogList, type AuditLogList } from './audit-log-list.js';
import { AuditModel } from './audit.model.js';
import type { Projection } from '../projections/projection.js';

const query = (fields: Record<string, unknown> = {}) => AuditQuerySchema.parse(fields);

describe('the audit log list (a projection of the log)', () => {
  const lists: Projection<AuditLogList>[] = [];
  const aList = () => {
    const list = createAuditLogList({ logger: pino({ level: 'silent' }) });
    lists.push(list);
    return list;
  };
  afterEach(async () => {
    await Promise.all(lists.splice(0).map((list) => list.stop()));
  });

  it('pages newest first with the count, by user, action prefix, result and time range', async () => {
    const base = Date.parse('2026-11-01T00:00:00Z');
    const entries: Array<[string, string, 'success' | 'failure' | 'denied']> = [
      ['zhang', 'auth.login', 'success'],
      ['li', 'auth.login', 'failure'],
      ['zhang', 'cadre.update', 'success'],
      ['zhang', 'cadre.export', 'denied'],
      ['wang', 'user.create', 'success'],
    ];
    for (const [i, [username, action, result]] of entries.entries()) {
      await appendAuditRecord(auditFields({ username, action, result, time: new Date(base + i * 60_000) }));
    }
    const list = await aList().current();

    const actions = (page: { ids: string[] }) => Promise.all(page.ids.map(async (id) => (await AuditModel.findById(id).lean())!.action));
    expect(await actions(list.page(query({ size: 2 })))).toEqual(['user.create', 'cadre.export']);
    expect(list.page(query({ size: 2 })).total).toBe(5);
    expect(await actions(list.page(query({ size: 2, page: 2 })))).toEqual(['auth.login']);
    expect(await actions(list.page(query({ username: 'zhang' })))).toEqual(['cadre.export', 'cadre.update', 'auth.login']);
    expect(await actions(list.page(query({ action: 'cadre.' })))).toEqual(['cadre.export', 'cadre.update']);
    expect(list.page(query({ result: 'failure' })).total).toBe(1);
    const range = query({ from: new Date(base + 60_000).toISOString(), to: new Date(base + 3 * 60_000).toISOString() });
    expect(await actions(list.page(range))).toEqual(['cadre.update', 'auth.login']);
  });

  it('finds records appended since it loaded by `_id`, without reading the log again', async () => {
    // Enough records that reading them all costs more than reading the few new ones by `_id`.
    await AuditModel.collection.insertMany(Array.from({ length: 2000 }, (_, i) => ({ ...auditFields({ action: 'old.entry' }), seq: -i, hash: 'x' })));
    await appendAuditRecord(auditFields({ action: 'auth.login' }));
    const projection = aList();
    expect((await projection.current()).size).toBe(2001);

    const loads = spyOn(AuditModel.collection, 'find').and.callThrough();
    const lookups = spyOn(AuditModel.collection, 'findOne').and.callThrough();
    for (let i = 0; i < 3; i += 1) await appendAuditRecord(auditFields({ action: `probe.${i}` }));
    const list = await projection.current();

    expect(list.size).toBe(2004);
    expect(list.page(query({ action: 'probe.2' })).total).toBe(1);
    expect(loads).not.toHaveBeenCalled();
    // Every lookup names an `_id`: none sorts the log to find its head.
    const filters = lookups.calls.allArgs().map(([filter]) => Object.keys(filter ?? {}).join(','));
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.filter((keys) => keys !== '_id')).toEqual([]);
  });

  it('reloads a log that was emptied and grew back to the same number of records', async () => {
    for (let i = 0; i < 3; i += 1) await appendAuditRecord(auditFields({ action: 'old.entry' }));
    const projection = aList();
    expect((await projection.current()).page(query({ action: 'old.' })).total).toBe(3);

    await clearCollections();
    for (let i = 0; i < 3; i += 1) await appendAuditRecord(auditFields({ action: 'new.entry' }));
    const list = await projection.current();

    expect(list.page(query({ action: 'old.' })).total).toBe(0);
    expect(list.page(query({ action: 'new.' })).total).toBe(3);
  });
});
