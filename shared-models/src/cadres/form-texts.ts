import { parseYearMonth } from '../lrmx/lrmx-dates.js';
import {
  ANNUAL_GRADES,
  type AnnualAssessmentEntry,
  type CommendationEntry,
} from './cadre-record.js';

// 处分条例 sanctions and 组织处理 measures; anything else on the line is a commendation.
const SANCTION_WORDS = /处分|警告|记过|记大过|降级|撤职|开除|诫勉|通报批评|免职|责令辞职|降职/;
const LEADING_MONTH = /^(\d{4}\s*[.．年-]\s*\d{1,2})\s*月?\s*/;

/** Reads 奖惩情况 into entries, one per line or per ；-separated piece. 无 gives none. */
export function parseCommendations(text: string): CommendationEntry[] {
  return splitPieces(text)
    .filter((piece) => !/^无[。.]?$/.test(piece))
    .map((piece) => {
      const match = LEADING_MONTH.exec(piece);
      const month = match ? parseYearMonth(match[1]!.replace(/[.．年\s-]+/g, '.')) : null;
      const rest = match && month ? piece.slice(match[0].length).trim() : piece;
      return { kind: SANCTION_WORDS.test(rest) ? 'sanction' : 'commendation', month, text: rest || piece };
    });
}

/** Writes entries as 奖惩情况: one a line, month first; 无 when there are none. */
export function formatCommendations(entries: readonly CommendationEntry[]): string {
  if (entries.length === 0) return '无';
  return entries.map((e) => (e.month ? `${e.month.replace('-', '.')} ${e.text}` : e.text)).join('\n');
}

// Each optional word carries the spaces before it, so a run of spaces has one way to be matched:
// chained `\s*(?:word)?\s*` groups split a run every possible way and took minutes on 400 spaces.
const ASSESSMENT = new RegExp(
  String.raw`(\d{4})\s*年度?(?:\s*年度)?(?:\s*考核)?(?:\s*(?:结果|等次))?(?:\s*[为：:])?\s*(${ANNUAL_GRADES.join('|')})`,
  'g',
);

/** Reads 年度考核结果 such as `2021年度称职；2022年度优秀` into entries, oldest first. */
export function parseAnnualAssessments(text: string): AnnualAssessmentEntry[] {
  const byYear = new Map<number, AnnualAssessmentEntry>();
  for (const match of text.matchAll(ASSESSMENT)) {
    const year = Number(match[1]);
    byYear.set(year, { year, grade: match[2] as AnnualAssessmentEntry['grade'] });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Writes entries as the form prints them: `2021年度称职；2022年度优秀`. */
export function formatAnnualAssessments(entries: readonly AnnualAssessmentEntry[]): string {
  return [...entries]
    .sort((a, b) => a.year - b.year)
    .map((e) => `${e.year}年度${e.grade}`)
    .join('；');
}

/**
 * The assessments the appointment form prints: the latest `count` years, oldest first, as the
 * official 干部任免审批表 asks for 近三年年度考核结果. The record keeps every year.
 */
export function latestAssessments(entries: readonly AnnualAssessmentEntry[], count = 3): AnnualAssessmentEntry[] {
  return [...entries]
    .sort((a, b) => b.year - a.year)
    .slice(0, count)
    .reverse();
}

function splitPieces(text: string): string[] {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .split(/\r\n|\r|\n|；|;/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
