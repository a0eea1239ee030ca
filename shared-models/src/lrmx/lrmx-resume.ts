import * as z from 'zod';
import { YearMonthSchema } from '../cadres/cadre.js';
import { personText } from '../people/person-text.js';

const ResumeSubEntrySchema = z.object({
  start: YearMonthSchema,
  end: YearMonthSchema.nullable().describe('null while the entry is still current'),
  text: z.string().check(personText),
});

/** One line of 简历: a period and what the cadre did in it, with the 其间 entries inside it. */
export const ResumeEntrySchema = ResumeSubEntrySchema.extend({
  subEntries: z.array(ResumeSubEntrySchema).optional(),
});
export type ResumeEntry = z.infer<typeof ResumeEntrySchema>;
type ResumeSubEntry = z.infer<typeof ResumeSubEntrySchema>;

// Writers put --, -, —, –, ~, ～ or 至 between the dates, doubled or not; 至今 / 今 ends an open one.
const MONTH = String.raw`(\d{4})\s*[.．]\s*(\d{1,2})`;
const SEPARATOR = String.raw`(?:-{1,2}|－{1,2}|—{1,2}|–{1,2}|~|～|至)`;
// The end date carries the spaces before it and the text takes the rest of the line whatever it
// holds, so nothing after the separator can fail and send the engine back through the spaces
// (`\s*(?:end)?\s*(.*)$` did, cubically, on a line with U+2028 in it).
const RANGE = new RegExp(String.raw`^${MONTH}\s*${SEPARATOR}(?:\s*(?:${MONTH}|至今|今))?\s*([^]*)`);
const PIECE_SEPARATOR = /[；;]\s*(?=\d{4}\s*[.．]\s*\d{1,2})/;
const OPEN_END = ' '.repeat('yyyy.MM'.length);

/**
 * Reads 简历 text into entries. `<br>` counts as a line break; a line whose dates do not parse
 * gives no entry (callers keep the original text, so nothing is lost).
 */
export function parseResume(text: string): ResumeEntry[] {
  const entries: ResumeEntry[] = [];
  for (const rawLine of text.replace(/<br\s*\/?>/gi, '\n').split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    const entry = parseRange(line);
    if (entry) {
      entries.push(extractInlineSubEntries(entry));
      continue;
    }
    const previous = entries.at(-1);
    const subEntries = /^[（(]/.test(line) ? parseSubEntryLine(line) : null;
    if (previous && subEntries) previous.subEntries = [...(previous.subEntries ?? []), ...subEntries];
  }
  return entries;
}

/** Writes entries as 简历 text: `yyyy.MM--yyyy.MM  text`, sub-entries inline as （其间：…）. */
export function formatResume(entries: readonly ResumeEntry[]): string {
  return entries
    .map((entry) => {
      const subEntries = entry.subEntries ?? [];
      const inline = subEntries.length > 0 ? `（其间：${subEntries.map(formatRange).join('；')}）` : '';
      return `${formatRange(entry)}${inline}`.trimEnd();
    })
    .join('\n');
}

function formatRange(entry: ResumeSubEntry): string {
  const end = entry.end === null ? OPEN_END : toDotted(entry.end);
  return `${toDotted(entry.start)}--${end}  ${entry.text}`;
}

function toDotted(yearMonth: string): string {
  return yearMonth.replace('-', '.');
}

function parseRange(text: string): ResumeSubEntry | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  const [, startYear, startMonth, endYear, endMonth, rest] = match;
  const start = toYearMonth(startYear!, startMonth!);
  const end = endYear === undefined ? null : toYearMonth(endYear, endMonth!);
  if (start === null || (endYear !== undefined && end === null)) return null;
  return { start, end, text: rest!.trim() };
}

function toYearMonth(year: string, month: string): string | null {
  const value = `${year}-${month.padStart(2, '0')}`;
  return YearMonthSchema.safeParse(value).success ? value : null;
}

// Every piece must parse, or the block stays in the entry's text rather than half-disappearing.
function parsePieces(content: string): ResumeSubEntry[] | null {
  const pieces = content.split(PIECE_SEPARATOR).map((piece) => parseRange(piece.trim()));
  return pieces.every((piece) => piece !== null) ? pieces : null;
}

function stripLeadIn(content: string): string {
  return content.replace(/^\s*其间\s*[：:]?\s*/, '');
}

function parseSubEntryLine(line: string): ResumeSubEntry[] | null {
  const close = findClosingParen(line, 0);
  if (close !== line.length - 1) return null;
  return parsePieces(stripLeadIn(line.slice(1, close)));
}

function extractInlineSubEntries(entry: ResumeSubEntry): ResumeEntry {
  const open = entry.text.search(/[（(]\s*其间/);
  if (open < 0) return entry;
  const close = findClosingParen(entry.text, open);
  if (close < 0) return entry;
  const subEntries = parsePieces(stripLeadIn(entry.text.slice(open + 1, close)));
  if (subEntries === null) return entry;
  const text = (entry.text.slice(0, open) + entry.text.slice(close + 1)).trim();
  return { ...entry, text, subEntries };
}

// Sub-entry text can hold its own brackets (e.g. 党校（行政学院）), so match them by depth.
function findClosingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '（' || text[i] === '(') depth += 1;
    else if (text[i] === '）' || text[i] === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
