import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { FeedPosition } from './change-feed.js';

/** What a snapshot says of itself, before its payload. */
export interface SnapshotHeader extends FeedPosition {
  name: string;
  /** The projection's format: a snapshot of another format is ignored, never misread. */
  format: string;
  savedAt: string;
  bytes: number;
  sha256: string;
}

export interface Snapshot {
  header: SnapshotHeader;
  payload: unknown;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Projection snapshots as files in one folder (mode 0700, files 0600): a header line of JSON,
 * then the payload in V8's serialization format. A file is written beside its final name and
 * renamed into place, so a crash leaves the previous snapshot or the new one, never half of one;
 * a truncated or altered payload fails its checksum and is ignored.
 */
export class SnapshotStore {
  constructor(private readonly dir: string) {}

  private fileOf(name: string): string {
    return path.join(this.dir, `${name}.snapshot`);
  }

  async save(name: string, format: string, position: FeedPosition, payload: unknown): Promise<SnapshotHeader> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.removeAbandoned(name);
    const body = v8.serialize(payload);
    const header: SnapshotHeader = {
      name,
      format,
      seq: position.seq,
      epoch: position.epoch,
      savedAt: new Date().toISOString(),
      bytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    };
    const target = this.fileOf(name);
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, target);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
    const folder = await open(this.dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    return header;
  }

  /**
   * Deletes temporary files of processes that died while writing: at 200,000 cadres a snapshot
   * takes longer to write than the default shutdown grace period, and a process forced to exit
   * mid-write would otherwise leave ~150 MB behind at every stop. A file whose writer is alive
   * (another API process on this machine) is left alone.
   */
  private async removeAbandoned(name: string): Promise<void> {
    const prefix = `${path.basename(this.fileOf(name))}.`;
    for (const file of await readdir(this.dir)) {
      if (!file.startsWith(prefix) || !file.endsWith('.tmp')) continue;
      const pid = Number(file.slice(prefix.length).split('.')[0]);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(path.join(this.dir, file), { force: true });
    }
  }

  /** The snapshot of this name and format, or null when there is none or it cannot be trusted (the reason is given). */
  async load(name: string, format: string): Promise<Snapshot | { missing: string }> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.fileOf(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { missing: 'no snapshot' };
      throw err;
    }
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return { missing: 'the snapshot has no header' };
    let header: SnapshotHeader;
    try {
      header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as SnapshotHeader;
    } catch {
      return { missing: 'the snapshot header is not JSON' };
    }
    if (header.name !== name || header.format !== format) return { missing: `the snapshot is of format ${header.format}` };
    const body = bytes.subarray(newline + 1);
    if (body.length !== header.bytes || createHash('sha256').update(body).digest('hex') !== header.sha256) {
      return { missing: 'the snapshot fails its checksum' };
    }
    return { header, payload: v8.deserialize(body) };
  }
}
