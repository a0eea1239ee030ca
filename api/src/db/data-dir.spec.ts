import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { startEmbeddedFerretDb } from './embedded-ferretdb.js';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

async function modesUnder(dir: string): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const target = path.join(entry.parentPath, entry.name);
    found.push([path.relative(dir, target), ((await stat(target)).mode & 0o777).toString(8)]);
  }
  return found;
}

describe('the embedded database’s data folder', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'cadre-data-dir-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('is private to the service: the folder 0700 and every file in it 0600, old ones included', async () => {
    const dataDir = path.join(parent, 'data');
    const old = path.join(dataDir, 'projections');
    await mkdir(old, { recursive: true });
    await writeFile(path.join(old, 'ledger.snapshot'), 'left by an older release', { mode: 0o644 });
    await chmod(dataDir, 0o755);

    const database = await startEmbeddedFerretDb({ bin: path.join(repoRoot, '.tools/bin/ferretdb'), dataDir, port: 0, logger: pino({ level: 'silent' }) });
    // A connection of its own: the suite's shared one points at the test database.
    const connection = await mongoose.createConnection(database.uri).asPromise();
    try {
      await connection.collection('probe').insertOne({ written: true });
    } finally {
      await connection.close();
      await database.stop();
    }

    expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
    const modes = await modesUnder(dataDir);
    expect(modes.some(([name]) => name.endsWith('.sqlite'))).toBeTrue();
    for (const [name, mode] of modes) {
      const isDir = (await stat(path.join(dataDir, name))).isDirectory();
      expect(`${name} ${mode}`).toBe(`${name} ${isDir ? '700' : '600'}`);
    }
  });
});
