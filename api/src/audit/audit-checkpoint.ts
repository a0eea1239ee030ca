import { open, readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { computeLinkMac, macMatches, readLastAppendedLink } from './audit-chain.js';
import { auditTrailSettings } from './audit-key.js';
import type { AuditChainLink } from './audit.model.js';

export interface AuditCheckpoint extends AuditChainLink {
  time: Date;
}

export interface CheckpointReading {
  /** The signed checkpoint with the highest seq, or null when there is none. */
  newest: AuditCheckpoint | null;
  /** Lines that do not parse or whose signature does not match, by line number. */
  forged: Array<{ line: number; seq: number | null }>;
}

/**
 * Appends a signed head `{seq, hash, time, mac}` as one line to the checkpoint file under
 * DATA_DIR and syncs it to disk. Outside the database, it is what shows that the newest
 * records were deleted or rebuilt: the chain itself cannot tell its end was cut off.
 */
export async function writeAuditCheckpoint(link: AuditChainLink, time = new Date()): Promise<AuditCheckpoint> {
  const checkpoint = { seq: link.seq, hash: link.hash, time };
  const line = JSON.stringify({ ...checkpoint, time: time.toISOString(), mac: computeLinkMac('checkpoint', checkpoint) });
  const file = await open(auditTrailSettings().checkpointFile, 'a', 0o600);
  try {
    await file.appendFile(`${line}\n`, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  return checkpoint;
}

function parseCheckpoint(text: string): AuditCheckpoint & { mac: unknown } {
  const { seq, hash, time, mac } = JSON.parse(text) as Record<string, unknown>;
  if (!Number.isInteger(seq) || typeof hash !== 'string' || typeof time !== 'string' || Number.isNaN(Date.parse(time))) {
    throw new Error('not a checkpoint');
  }
  return { seq: seq as number, hash, time: new Date(time), mac };
}

/** Every line of the checkpoint file checked against the audit key. */
export async function readAuditCheckpoints(): Promise<CheckpointReading> {
  let text: string;
  try {
    text = await readFile(auditTrailSettings().checkpointFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { newest: null, forged: [] };
    throw err;
  }
  const reading: CheckpointReading = { newest: null, forged: [] };
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let checkpoint: ReturnType<typeof parseCheckpoint>;
    try {
      checkpoint = parseCheckpoint(line);
    } catch {
      reading.forged.push({ line: index + 1, seq: null });
      continue;
    }
    const { mac, ...link } = checkpoint;
    if (!macMatches(computeLinkMac('checkpoint', link), mac)) {
      reading.forged.push({ line: index + 1, seq: link.seq });
    } else if (!reading.newest || link.seq > reading.newest.seq) {
      reading.newest = link;
    }
  }
  return reading;
}

/**
 * Writes a checkpoint of the link this process appended last, every `intervalMs` when it
 * changed. No database read: the head is what this process itself wrote. Returns a function
 * that stops the schedule and writes a last checkpoint (on shutdown).
 */
export function scheduleAuditCheckpoints({ intervalMs, logger }: { intervalMs: number; logger: Logger }): () => Promise<void> {
  let written: AuditChainLink | null = null;
  const write = async () => {
    const link = readLastAppendedLink();
    if (!link || (written && written.seq === link.seq && written.hash === link.hash)) return;
    try {
      await writeAuditCheckpoint(link);
      written = link;
    } catch (err) {
      logger.error({ err }, 'audit checkpoint could not be written');
    }
  };
  const timer = setInterval(() => void write(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}
