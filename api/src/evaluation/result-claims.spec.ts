import mongoose from 'mongoose';
import { testDatabaseInfo } from '../test/test-database.js';
import { ClaimModel, claimRevision } from './result-claims.js';

describe('revision claims', () => {
  it('let exactly one of ten simultaneous claimants of a revision through, and none of a revision already claimed', async () => {
    const won = await Promise.all(Array.from({ length: 10 }, () => claimRevision('doc-1', 3)));
    expect(won.filter(Boolean).length).toBe(1);
    expect(await claimRevision('doc-1', 3)).toBeFalse();
    expect(await claimRevision('doc-1', 4)).toBeTrue();
  });

  it('let a claim abandoned by a dead process (over a minute old) be taken over by one caller', async () => {
    await ClaimModel.collection.insertOne({ _id: 'doc-2@0#0' as never, at: new Date(Date.now() - 120_000) });
    const won = await Promise.all(Array.from({ length: 5 }, () => claimRevision('doc-2', 0)));
    expect(won.filter(Boolean).length).toBe(1);
  });

  it('are needed: the embedded database lets several simultaneous conditional updates of one revision match', async () => {
    if (testDatabaseInfo().product !== 'FerretDB') pending('MongoDB applies each update atomically');
    const collection = mongoose.connection.db!.collection('race_probe');
    await collection.insertOne({ _id: 'a' as never, revision: 0 });
    let matched = 0;
    // A race is likely, not certain, on one try: a few tries make the point without flaking.
    for (let round = 0; round < 5 && matched <= 1; round += 1) {
      await collection.updateOne({ _id: 'a' as never }, { $set: { revision: 0 } });
      const results = await Promise.all(Array.from({ length: 10 }, () => collection.updateOne({ _id: 'a' as never, revision: 0 }, { $inc: { revision: 1 } })));
      matched = results.filter((r) => r.matchedCount === 1).length;
    }
    expect(matched).toBeGreaterThan(1);
  });
});
