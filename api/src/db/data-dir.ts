import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes the data folder private to the service's account: the folder and its subfolders 0700,
 * every file 0600. It holds the personnel database, the data key and projection snapshots.
 * Run at every start, so a folder created by an older release, or copied in by a restore, is
 * closed too.
 */
export async function secureDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await restrict(dir);
}

async function restrict(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await restrict(target);
    else if (entry.isFile()) await chmod(target, 0o600);
  }
}

/**
 * Runs `start` with a umask that keeps what it creates private: a child process started inside
 * inherits it, so the database's own files (SQLite, its journal) are created 0600.
 */
export function withPrivateFiles<T>(start: () => T): T {
  const previous = process.umask(0o077);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}
