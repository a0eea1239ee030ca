import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { LedgerFilterSchema } from '@cadre/shared-models';
import { CadreModel } from '../cadres/cadre.model.js';
import { aPerson, aSmallDistrict } from '../ledger/ledger-fixtures.js';
import { noteCadresChanged } from '../ledger/ledger-changes.js';
import { createLedgerReadModel, type LedgerReadModel } from '../ledger/ledger-read-model.js';
import { ChangeFeed, ProjectionChangeModel } from './change-feed.js';
import { SnapshotStore } from './snapshot-store.js';

const quiet = pino({ level: 'silent' });
const EVERYONE = { kind: 'all' } as const;
const NO_FILTER = LedgerFilterSchema.parse({});

async function namesIn(model: LedgerReadModel): Promise<string[]> {
  return (await model.current()).select(EVERYONE, NO_FILTER).page('name', 'asc', 0, 100).map((row) => row.name);
}

/** The id of a process that has exited, as a writer killed mid-write leaves in its file name. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('a projection with snapshots (the ledger as the example)', () => {
  let dir: string;
  let store: SnapshotStore;
  const models: LedgerReadModel[] = [];
  /** A model as a freshly started API process would hold it, sharing the snapshot folder. */
  const aProcess = () => {
    const model = createLedgerReadModel({ logger: quiet, snapshots: store });
    models.push(model);
    return model;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cadre-snapshots-'));
    store = new SnapshotStore(path.join(dir, 'projections'));
  });
  afterEach(async () => {
    await Promise.all(models.splice(0).map((m) => m.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  it('restarts from the snapshot without reading every cadre, then catches up on what changed since', async () => {
    const { bureau } = await aSmallDistrict();
    const first = aProcess();
    expect((await namesIn(first)).length).toBe(6);
    await first.stop();

    // Written while no process was running: the next start must replay it from the feed.
    const late = await aPerson(bureau, '孙丽');
    await noteCadresChanged([String(late._id)]);

    const scans = spyOn(CadreModel, 'find').and.callThrough();
    const restarted = aProcess();
    const names = await namesIn(restarted);

    expect(names.length).toBe(7);
    expect(names).toContain('孙丽');
    expect(scans).not.toHaveBeenCalled();
  });

  it('keeps the snapshot folder private: folder 0700, files 0600, no temporary file left', async () => {
    await aSmallDistrict();
    await namesIn(aProcess());

    expect((await stat(path.join(dir, 'projections'))).mode & 0o777).toBe(0o700);
    const files = await readdir(path.join(dir, 'projections'));
    expect(files).toEqual(['ledger.snapshot']);
    expect((await stat(path.join(dir, 'projections', 'ledger.snapshot'))).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary file of a writer that died mid-write, not that of one still running', async () => {
    await aSmallDistrict();
    const folder = path.join(dir, 'projections');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const abandoned = `ledger.snapshot.${await exitedPid()}.0badc0de.tmp`;
    const inProgress = `ledger.snapshot.${process.ppid}.0badc0de.tmp`;
    await writeFile(path.join(folder, abandoned), 'cut short by a forced exit');
    await writeFile(path.join(folder, inProgress), 'being written by another process');

    await namesIn(aProcess());

    expect((await readdir(folder)).sort()).toEqual(['ledger.snapshot', inProgress]);
  });

  it('loads in full when the snapshot was altered or cut short', async () => {
    await aSmallDistrict();
    await namesIn(aProcess());
    const file = path.join(dir, 'projections', 'ledger.snapshot');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));

    const scans = spyOn(CadreModel, 'find').and.callThrough();
    expect((await namesIn(aProcess())).length).toBe(6);
    expect(scans).toHaveBeenCalled();
  });

  it('loads in full when the changes since the snapshot are no longer kept', async () => {
    const { bureau } = await aSmallDistrict();
    const first = aProcess();
    await namesIn(first);
    await first.stop();
    const late = await aPerson(bureau, '孙丽');
    await noteCadresChanged([String(late._id)]);
    await ProjectionChangeModel.deleteMany({});

    const scans = spyOn(CadreModel, 'find').and.callThrough();
    expect(await namesIn(aProcess())).toContain('孙丽');
    expect(scans).toHaveBeenCalled();
  });

  it('writes a snapshot that is behind when it stops, so the next start replays nothing', async () => {
    const { bureau } = await aSmallDistrict();
    const first = aProcess();
    await namesIn(first);
    const late = await aPerson(bureau, '孙丽');
    await noteCadresChanged([String(late._id)]);
    expect(await namesIn(first)).toContain('孙丽');
    await first.stop();
    await ProjectionChangeModel.deleteMany({});

    const scans = spyOn(CadreModel, 'find').and.callThrough();
    expect(await namesIn(aProcess())).toContain('孙丽');
    expect(scans).not.toHaveBeenCalled();
  });

  it('ignores a snapshot of another format', async () => {
    await aSmallDistrict();
    await store.save('ledger', 'ledger-0-old', { seq: 1, epoch: 'x' }, { units: [], entries: [] });

    expect((await namesIn(aProcess())).length).toBe(6);
  });
});

describe('a change feed', () => {
  it('numbers every change once when many writers start it at the same moment', async () => {
    const feed = new ChangeFeed('race');
    await Promise.all(Array.from({ length: 12 }, (_, i) => feed.noteChanged([`id-${i}`])));

    const changes = await ProjectionChangeModel.find({ feed: 'race' }).lean();
    expect(changes.length).toBe(12);
    expect(new Set(changes.flatMap((change) => change.ids)).size).toBe(12);
    expect((await feed.position())!.seq).toBe(12);
  });
});
