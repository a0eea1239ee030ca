import mongoose, { Types } from 'mongoose';
import { testDatabaseInfo } from '../test/test-database.js';

/**
 * The embedded database answers `_id` lookups from SQLite's `_id` index only with our FerretDB
 * patch (scripts/ferretdb/, decision 0011); stock v1.24.2 scans the whole table for each. Every
 * read model and per-record page relies on these lookups staying indexed.
 */
describe('the embedded database looks documents up by _id through its index', () => {
  async function planFor(filter: Record<string, unknown>): Promise<string> {
    const collection = mongoose.connection.db!.collection('id_lookup_probe');
    await collection.insertMany([
      { _id: 'cadre-1' as never, __v: 0 },
      { _id: 'cadre-2' as never, __v: 3 },
      { _id: new Types.ObjectId('65c000000000000000000001'), __v: 1 },
    ]);
    const explained = (await collection.find(filter).explain()) as { queryPlanner?: { Plan?: string[] } };
    return (explained.queryPlanner?.Plan ?? []).join('\n');
  }

  beforeEach(() => {
    if (testDatabaseInfo().product !== 'FerretDB') pending('the SQLite plan exists only on the embedded database');
  });

  const indexed = /SEARCH \S+ USING INDEX \S+__id_ /;

  it('uses the _id index for {_id} with a string id', async () => {
    expect(await planFor({ _id: 'cadre-2' })).toMatch(indexed);
  });

  it('uses the _id index for {_id} with an ObjectId', async () => {
    expect(await planFor({ _id: new Types.ObjectId('65c000000000000000000001') })).toMatch(indexed);
  });

  it('uses the _id index for the versioned save filter {_id, __v}', async () => {
    expect(await planFor({ _id: 'cadre-2', __v: 3 })).toMatch(indexed);
  });

  it('still finds only the document matching every key of {_id, __v}', async () => {
    const collection = mongoose.connection.db!.collection('id_lookup_probe');
    await planFor({ _id: 'cadre-2' });
    expect(await collection.countDocuments({ _id: 'cadre-2' as never, __v: 3 })).toBe(1);
    expect(await collection.countDocuments({ _id: 'cadre-2' as never, __v: 2 })).toBe(0);
  });

  it('scans for a filter without _id, which is why lists come from projections', async () => {
    expect(await planFor({ __v: 3 })).toMatch(/SCAN /);
  });
});
