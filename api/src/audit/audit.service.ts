import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { Types } from 'mongoose';
import { labelAuditAction, labelAuditObjectType, type AuditPage, type AuditQuery, type AuditRecord } from '@cadre/shared-models';
import type { AuditRecorder } from './audit-entry.js';
import { appendAuditRecord, toCanonicalJson } from './audit-chain.js';
import { maskAuditDetail, maskIdNumberLike } from './audit-masking.js';
import { AuditModel, type StoredAuditRecord } from './audit.model.js';
import { auditLogList } from './audit-log-list.js';
import { nameAuditObjects } from './audit-object-names.js';
import { startsWithPattern } from '../platform/text-pattern.js';
import { auditCallerOf } from '../platform/actor.js';

export type AuditFilter = Omit<AuditQuery, 'page' | 'size'>;

const AUDIT_EXPORT_MAX_ROWS = 100_000;
// The words for people first; the recorded codes last, for whoever filters the file by them.
const CSV_HEADER = ['时间', '用户', 'IP', '操作', '对象类型', '对象', '结果', '请求编号', '详情', '操作代码', '对象类型代码'];
const RESULT_LABELS: Record<AuditRecord['result'], string> = { success: '成功', failure: '失败', denied: '拒绝' };
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Appends one record for the caller. Who and from where come from the actor or the request's
 * session; before a session exists (login attempts) the caller names the user in the entry.
 */
export const recordAudit: AuditRecorder = async (who, entry) => {
  const caller = who === null ? null : 'requestId' in who ? who : auditCallerOf(who);
  await appendAuditRecord({
    time: new Date(),
    userId: caller?.id ?? entry.userId ?? null,
    username: maskIdNumberLike(caller?.username ?? entry.username ?? null),
    ip: caller?.ip ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: maskIdNumberLike(entry.objectId ?? null),
    result: entry.result,
    detail: maskAuditDetail(entry.detail),
    requestId: caller?.requestId ?? null,
  });
};

function buildAuditFilter(query: AuditFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.username) filter['username'] = query.username;
  // Anchored prefix, so `user.` finds user.create and user.grant and can use the action index.
  if (query.action) filter['action'] = new RegExp(startsWithPattern(query.action));
  if (query.objectType) filter['objectType'] = query.objectType;
  if (query.objectId) filter['objectId'] = query.objectId;
  if (query.result) filter['result'] = query.result;
  if (query.from || query.to) {
    // Half-open [from, to): consecutive ranges never count a record twice. Built here from
    // validated dates, so it may bypass sanitizeFilter.
    filter['time'] = mongoose.trusted({
      ...(query.from ? { $gte: new Date(query.from) } : {}),
      ...(query.to ? { $lt: new Date(query.to) } : {}),
    });
  }
  return filter;
}

function toAuditRecord(stored: StoredAuditRecord): AuditRecord {
  return {
    seq: stored.seq,
    time: stored.time.toISOString(),
    userId: stored.userId,
    username: stored.username,
    ip: stored.ip,
    action: stored.action,
    objectType: stored.objectType,
    objectId: stored.objectId,
    result: stored.result,
    detail: stored.detail,
    requestId: stored.requestId,
    hash: stored.hash,
    prevHash: stored.prevHash,
  };
}

const NEWEST_FIRST = { time: -1, seq: -1 } as const;

/**
 * One page of records matching the query, newest first, with the total for the pager: chosen and
 * counted by the audit log projection, then read by `_id` (docs/decisions/0012), with the names
 * of the objects the records refer to.
 */
export async function queryAudit(query: AuditQuery): Promise<AuditPage> {
  const { ids, total } = (await auditLogList().current()).page(query);
  const stored = await Promise.all(ids.map((id) => AuditModel.collection.findOne<StoredAuditRecord>({ _id: new Types.ObjectId(id) })));
  const items = stored.filter((record) => record !== null).map(toAuditRecord);
  return { items, total, names: await nameAuditObjects(items) };
}

/** Beijing time with its offset: what the users read, and unambiguous in a spreadsheet. */
export function formatBeijingTime(time: Date): string {
  return new Date(time.getTime() + BEIJING_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

function toCsvCell(value: string | null): string {
  let text = value ?? '';
  // Usernames of failed logins are attacker-chosen: never let Excel read a cell as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsvRow(stored: StoredAuditRecord): string {
  const cells = [
    formatBeijingTime(stored.time),
    stored.username,
    stored.ip,
    labelAuditAction(stored.action),
    stored.objectType === null ? null : labelAuditObjectType(stored.objectType),
    stored.objectId,
    RESULT_LABELS[stored.result] ?? stored.result,
    stored.requestId,
    stored.detail === null ? null : toCanonicalJson(stored.detail),
    stored.action,
    stored.objectType,
  ];
  return `${cells.map(toCsvCell).join(',')}\r\n`;
}

export interface AuditExportResult {
  rows: number;
  /** True when more records matched than the cap allowed into the file. */
  truncated: boolean;
}

/**
 * Streams the matching records as CSV, newest first: UTF-8 with a BOM so Excel reads the
 * Chinese, capped so one request cannot tie up the database for long. Leaves `writable`
 * open, so the caller can finish its bookkeeping before the file is complete.
 */
export async function exportAudit(
  filter: AuditFilter,
  writable: Writable,
  { maxRows = AUDIT_EXPORT_MAX_ROWS }: { maxRows?: number } = {},
): Promise<AuditExportResult> {
  const result: AuditExportResult = { rows: 0, truncated: false };
  const cursor = AuditModel.find(buildAuditFilter(filter))
    .sort(NEWEST_FIRST)
    .limit(maxRows + 1)
    .lean<StoredAuditRecord[]>()
    .cursor({ batchSize: 1000 });

  async function* generateCsv(): AsyncGenerator<string> {
    yield `\uFEFF${CSV_HEADER.join(',')}\r\n`;
    let chunk = '';
    for await (const stored of cursor) {
      if (result.rows === maxRows) {
        result.truncated = true;
        break;
      }
      chunk += toCsvRow(stored as StoredAuditRecord);
      result.rows += 1;
      if (chunk.length >= 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }

  await pipeline(Readable.from(generateCsv()), writable, { end: false });
  return result;
}
