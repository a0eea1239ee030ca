import type { AnnualAssessmentEntry, Cadre, CommendationEntry } from '@cadre/shared-models';
import { HONOURS, NON_PARTY_SANCTIONS, PARTY_SANCTIONS } from './career-data.js';
import { formatMonthIndex } from './month-index.js';
import { type SeededRandom, WeightedTable } from './random.js';

/** Annual assessments are kept from this year on (the platform's history starts there). */
const FIRST_ASSESSMENT_YEAR = 2015;

// 优秀 is capped at about a fifth of a unit; leaders reach it somewhat more often than staff.
const EXCELLENT_SHARE_OF_LEADERS = 0.2;
const EXCELLENT_SHARE_OF_STAFF = 0.16;
const BARELY_COMPETENT_SHARE = 0.008;
/** Some cadres are graded 优秀 again and again, others hardly ever. */
const EXCELLENCE_FACTORS = new WeightedTable<number>([[0.3, 3], [1, 5], [2, 2]]);

const SANCTIONED_SHARE = 0.015;
const HONOURED_SHARE = 0.08;
/** Share of those graded 优秀 whose form lists the 嘉奖 that came with it. */
const LISTED_COMMENDATION_SHARE = 0.35;

export interface MeritContext {
  level: Cadre['postLevel'];
  workStartMonth: number;
  asOfMonth: number;
  /** Month index the cadre joined the CPC, null for non-members. */
  partyJoinMonth: number | null;
  showcase: boolean;
}

export interface Merits {
  annualAssessments: AnnualAssessmentEntry[];
  commendations: CommendationEntry[];
}

/**
 * 年度考核 from 2015 (or the year work started) to the last year assessed before the reference
 * month, and 奖惩 consistent with them: a sanction caps that year's grade, a 嘉奖 follows a year
 * graded 优秀, and three 优秀 in a row earn 记三等功.
 */
export function composeMerits(rng: SeededRandom, context: MeritContext): Merits {
  const { workStartMonth, asOfMonth, showcase } = context;
  const sanction = !showcase && asOfMonth - workStartMonth >= 48 && rng.testChance(SANCTIONED_SHARE) ? chooseSanction(rng, context) : null;
  const annualAssessments = gradeYears(rng, context, sanction);
  const commendations: CommendationEntry[] = [];
  if (sanction !== null) commendations.push({ kind: 'sanction', month: formatMonthIndex(sanction.month), text: sanction.text });

  const excellent = annualAssessments.filter((a) => a.grade === '优秀').map((a) => a.year);
  if (excellent.length > 0 && (showcase || rng.testChance(LISTED_COMMENDATION_SHARE))) {
    const year = rng.pick(excellent);
    commendations.push(awardAfter(rng, year, asOfMonth, `${year}年度考核被确定为优秀等次，给予嘉奖`));
  }
  const third = excellent.find((year) => excellent.includes(year + 1) && excellent.includes(year + 2));
  if (third !== undefined) {
    commendations.push(awardAfter(rng, third + 2, asOfMonth, `${third}—${third + 2}年度连续三年考核被确定为优秀等次，记三等功`));
  }
  if (showcase || rng.testChance(HONOURED_SHARE)) {
    let honour = chooseHonour(rng, context);
    // The demo account's cadre draws again until an honour fits its career.
    for (let tries = 0; showcase && honour === null && tries < 20; tries++) honour = chooseHonour(rng, context);
    if (honour !== null) commendations.push(honour);
  }
  commendations.sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''));
  return { annualAssessments, commendations };
}

interface Sanction {
  month: number;
  text: string;
  heavy: boolean;
}

function chooseSanction(rng: SeededRandom, { workStartMonth, asOfMonth, partyJoinMonth }: MeritContext): Sanction | null {
  // In the past: at least a year into work, and two years or more before the reference month.
  const earliest = Math.max(workStartMonth + 12, 2012 * 12);
  const latest = asOfMonth - 24;
  if (earliest > latest) return null;
  const month = rng.nextInt(earliest, latest);
  // Party sanctions only for those who were members then.
  const { text, heavy } = rng.pickWeighted(partyJoinMonth !== null && partyJoinMonth < month ? PARTY_SANCTIONS : NON_PARTY_SANCTIONS);
  return { month, text, heavy };
}

function gradeYears(rng: SeededRandom, context: MeritContext, sanction: Sanction | null): AnnualAssessmentEntry[] {
  const { level, workStartMonth, asOfMonth, showcase } = context;
  const startYear = Math.floor(workStartMonth / 12);
  const lastYear = Math.floor(asOfMonth / 12) - 1;
  const share = (level === '非领导职务' || level === '乡科级副职' ? EXCELLENT_SHARE_OF_STAFF : EXCELLENT_SHARE_OF_LEADERS)
    * (showcase ? 2 : rng.pickWeighted(EXCELLENCE_FACTORS));
  const sanctionYear = sanction === null ? null : Math.floor(sanction.month / 12);
  const entries: AnnualAssessmentEntry[] = [];
  for (let year = Math.max(startYear, FIRST_ASSESSMENT_YEAR); year <= lastYear; year++) {
    // A first, partial year is assessed without a grade.
    if (year === startYear) {
      entries.push({ year, grade: '不定等次' });
      continue;
    }
    const draw = rng.nextFloat();
    let grade: AnnualAssessmentEntry['grade'] = draw < share ? '优秀' : draw < share + BARELY_COMPETENT_SHARE ? '基本称职' : '称职';
    // A sanction bars 优秀 that year; a heavy one (记过, 严重警告) means 基本称职 at best.
    if (sanction !== null && year === sanctionYear) grade = sanction.heavy ? '基本称职' : grade === '优秀' ? '称职' : grade;
    entries.push({ year, grade });
  }
  return entries;
}

/** A commendation for `year`, given in the first quarter after it (or the latest month before the reference month). */
function awardAfter(rng: SeededRandom, year: number, asOfMonth: number, text: string): CommendationEntry {
  const month = Math.min((year + 1) * 12 + rng.nextInt(0, 2), asOfMonth - 1);
  return { kind: 'commendation', month: formatMonthIndex(month), text };
}

function chooseHonour(rng: SeededRandom, { workStartMonth, asOfMonth, partyJoinMonth, level }: MeritContext): CommendationEntry | null {
  const honour = rng.pickWeighted(HONOURS);
  if (honour.partyOnly && partyJoinMonth === null) return null;
  if (honour.text.startsWith('被评为重庆市') && level === '非领导职务') return null;
  // Given after a year of work (and of Party membership, for Party honours) at the earliest.
  const earliest = Math.max(workStartMonth, honour.partyOnly && partyJoinMonth !== null ? partyJoinMonth : 0) + 12;
  if (honour.month !== null) {
    return honour.month >= earliest && honour.month < asOfMonth ? { kind: 'commendation', month: formatMonthIndex(honour.month), text: honour.text } : null;
  }
  // Yearly honours are announced in June (七一) or December.
  const firstYear = Math.max(2010, Math.floor(earliest / 12));
  const lastYear = Math.floor((asOfMonth - 1) / 12);
  const months = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const month of [year * 12 + 5, year * 12 + 11]) if (month >= earliest && month < asOfMonth) months.push(month);
  }
  return months.length > 0 ? { kind: 'commendation', month: formatMonthIndex(rng.pick(months)), text: honour.text } : null;
}
