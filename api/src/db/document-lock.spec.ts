import mongoose from 'mongoose';
import { withDocumentLock } from './document-lock.js';

describe('document locks', () => {
  const counters = () => mongoose.connection.db!.collection('lock_spec_counters');

  it('lets twenty simultaneous read-change-write updates of one document all count', async () => {
    await counters().insertOne({ _id: 'c' as never, n: 0 });
    await Promise.all(Array.from({ length: 20 }, () => withDocumentLock('spec:c', () => counters().updateOne({ _id: 'c' as never }, { $inc: { n: 1 } }))));
    expect((await counters().findOne({ _id: 'c' as never }))!['n']).toBe(20);
  });

  it('returns what the change returns, passes its error on and frees the lock either way', async () => {
    expect(await withDocumentLock('spec:d', async () => 42)).toBe(42);
    await expectAsync(withDocumentLock('spec:d', async () => Promise.reject(new Error('boom')))).toBeRejectedWithError('boom');
    expect(await withDocumentLock('spec:d', async () => 'again')).toBe('again');
    expect(await mongoose.connection.db!.collection('document_locks').countDocuments()).toBe(0);
  });

  it('takes over a lock left by a process that died holding it', async () => {
    await mongoose.connection.db!.collection('document_locks').insertOne({ _id: 'spec:e' as never, at: new Date(Date.now() - 60_000) });
    expect(await withDocumentLock('spec:e', async () => 'taken')).toBe('taken');
  });
});
