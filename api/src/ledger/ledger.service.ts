import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import {
  DEFAULT_LEDGER_COLUMNS,
  MAX_LEDGER_EXPORT_ROWS,
  type LedgerExportQuery,
  type LedgerPage,
  type LedgerQuery,
  type PersonnelScope,
} from '@cadre/shared-models';
import { AppError } from '../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { SessionActor } from '../platform/actor.js';
import { ledgerReadModel, type LedgerReadModel } from './ledger-read-model.js';
import { ledgerFileName, writeLedgerWorkbook, XLSX_CONTENT_TYPE } from './ledger-export.js';

/** One page of the ledger within the scope, with the count for the filter. */
export async function readLedgerPage(scope: PersonnelScope, query: LedgerQuery, model: LedgerReadModel = ledgerReadModel()): Promise<LedgerPage> {
  const index = await model.current();
  const selection = index.select(scope, query);
  return {
    items: selection.page(query.sort, query.direction, query.page, query.size),
    total: selection.total,
    asOf: index.asOf,
  };
}

/**
 * Streams the filtered ledger as an Excel file. Refused before the first byte when the view
 * holds more than MAX_LEDGER_EXPORT_ROWS rows. The export is audited (filter, columns, row
 * count) before the response completes: a file whose audit record could not be written is cut off.
 */
export async function streamLedgerExport(
  actor: SessionActor,
  res: Response,
  scope: PersonnelScope,
  query: LedgerExportQuery,
  { maxRows = MAX_LEDGER_EXPORT_ROWS }: { maxRows?: number } = {},
): Promise<void> {
  const index = await ledgerReadModel().current();
  const { columns: chosen, sort, direction, ...filter } = query;
  const columns = chosen.length > 0 ? chosen : DEFAULT_LEDGER_COLUMNS;
  const selection = index.select(scope, filter);
  if (selection.total > maxRows) {
    throw new AppError(400, 'export_too_large', `当前筛选共 ${selection.total} 人，超过单次导出上限 ${maxRows} 人，请缩小筛选范围后再导出`);
  }
  const rows = selection.rows(sort, direction);
  const detail = { filter, sort, direction, columns };

  res.status(200);
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(ledgerFileName(index.asOf))}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const file = new PassThrough();
  const delivered = pipeline(file, res, { end: false });
  let written: number;
  try {
    [written] = await Promise.all([writeLedgerWorkbook(rows, columns, file), delivered]);
  } catch (err) {
    file.destroy();
    await recordAudit(actor, { action: 'ledger.export', result: 'failure', objectType: 'ledger', detail });
    actor.log.warn({ err }, 'ledger export interrupted');
    res.destroy();
    return;
  }
  try {
    await recordAudit(actor, { action: 'ledger.export', result: 'success', objectType: 'ledger', detail: { ...detail, rows: written } });
  } catch (err) {
    actor.log.error({ err }, 'ledger export not delivered: its audit record could not be written');
    res.destroy();
    return;
  }
  res.end();
}
