import mongoose, { Schema } from 'mongoose';
import { updateVersioned } from './versioned-update.js';

const VersionedSpecModel = mongoose.model('VersionedSpecDocument', new Schema({ n: Number }, { collection: 'versioned_spec_documents' }));

describe('updateVersioned', () => {
  it('lets exactly one of ten simultaneous saves from the same version through; the others get 409', async () => {
    const doc = await VersionedSpecModel.create({ n: 0 });
    const id = String(doc._id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => updateVersioned(VersionedSpecModel as never, id, 0, { n: i + 1 }, '记录')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.map((o) => (o.reason as { status: number }).status)).toEqual(Array(9).fill(409));
    expect((await VersionedSpecModel.findById(id).lean())!.__v).toBe(1);
  });
});
