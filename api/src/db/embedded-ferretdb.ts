import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import type { Logger } from 'pino';
import { secureDataDir, withPrivateFiles } from './data-dir.js';

export interface EmbeddedDatabase {
  uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  bin: string;
  dataDir: string;
  /** 0 picks a free loopback port. */
  port: number;
  logger: Logger;
  startTimeoutMs?: number;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Ends a database process that an API killed without warning (SIGKILL, a power cut of the
 * process) left running on this folder: a second one on the same files would serve the data
 * twice. Recognised by its pid file and by the folder on its command line, never by pid alone.
 */
async function stopOrphan(pidFile: string, dataDir: string, logger: Logger): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!commandLine.split('\0').includes(`--state-dir=${dataDir}`)) return;
  logger.warn({ pid }, 'a database process left by an API that did not shut down holds the data folder: stopping it');
  process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5000; waited += 50) {
    if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts FerretDB (MongoDB wire protocol over SQLite) as a child process on loopback.
 * It is the default database so the platform runs on one machine with nothing else installed.
 */
export async function startEmbeddedFerretDb(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { bin, dataDir, logger } = options;
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(`Embedded database binary not found at ${bin}. Run "npm run setup:db" or set MONGODB_URI.`);
  }
  await secureDataDir(dataDir);
  const pidFile = path.join(dataDir, 'ferretdb.pid');
  await stopOrphan(pidFile, dataDir, logger);
  const port = options.port || (await findFreePort());
  const child = withPrivateFiles(() => spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-format=json',
      '--log-level=WARN',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  ));

  let recentOutput = '';
  const remember = (chunk: Buffer) => {
    recentOutput = (recentOutput + chunk.toString()).slice(-4000);
    for (const line of chunk.toString().split('\n').filter(Boolean)) logger.debug({ ferretdb: line });
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  if (child.pid !== undefined) await writeFile(pidFile, String(child.pid), { mode: 0o600 });
  // A crashed or killed API must not leave an orphan database holding the data directory.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) {
      process.removeListener('exit', killOnExit);
      throw new Error(`Embedded FerretDB exited with code ${child.exitCode}: ${recentOutput.trim()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      process.removeListener('exit', killOnExit);
      throw new Error(`Embedded FerretDB did not accept connections on port ${port} in time`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${port}/cadre`,
    async stop() {
      process.removeListener('exit', killOnExit);
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 2000);
      }
      await rm(pidFile, { force: true });
    },
  };
}
