import mongoose from 'mongoose';
import { testDatabaseInfo } from '../test/test-database.js';

/**
 * Scoring reads a cycle's assignments, ballot boxes, records and histories by `_id`. The embedded
 * database answers `{_id}` from its index but scans the whole table for `{_id: {$in: [...]}}`,
 * which is why those reads are parallel single-`_id` lookups (scoring-reads.ts).
 */
describe('the embedded database and batched _id reads', () => {
  it('scans for {_id: {$in}}, so batches are read as parallel {_id} lookups', async () => {
    if (testDatabaseInfo().product !== 'FerretDB') pending('the SQLite plan exists only on the embedded database');
    const collection = mongoose.connection.db!.collection('id_lookup_probe');
    await collection.insertMany([{ _id: 'c:1' as never }, { _id: 'c:2' as never }, { _id: 'c:3' as never }]);
    const plan = async (filter: object) =>
      (((await collection.find(filter as never).explain()) as { queryPlanner?: { Plan?: string[] } }).queryPlanner?.Plan ?? []).join('\n');
    expect(await plan({ _id: { $in: ['c:1', 'c:3'] } })).toMatch(/SCAN /);
    expect(await plan({ _id: 'c:3' })).toMatch(/SEARCH \S+ USING INDEX \S+__id_ /);
  });
});
