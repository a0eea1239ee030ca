import { tagRelevantSource, type Cadre, type TagSource } from '@cadre/shared-models';

/**
 * The fields the read model reads of a cadre: what the ledger row, the data scope, the filters
 * and the tag rules need. Never the photo, the sealed ID number, the family or the form fields.
 */
export const LEDGER_FIELDS = [
  'name', 'sex', 'birthMonth', 'ethnicity', 'nativePlace', 'partyJoinMonth', 'otherParty', 'workStartMonth',
  'education', 'degree', 'school', 'unitId', 'unitPath', 'unitType', 'post', 'postLevel', 'rank', 'postStartMonth',
  'category', 'appointmentType', 'professionalTitle', 'idNumberMasked', 'manualTags',
  'positions', 'commendations', 'annualAssessments',
].join(' ');

/** What the read model keeps of one cadre. Never mutated: a change replaces the whole entry. */
export interface LedgerEntry {
  id: string;
  name: string;
  sex: Cadre['sex'];
  birthMonth: string;
  ethnicity: string;
  nativePlace: string;
  partyJoinMonth: string | null;
  otherParty: string | null;
  workStartMonth: string;
  education: Cadre['education'];
  degree: Cadre['degree'];
  school: string;
  unitId: string;
  unitPath: string[];
  unitType: string;
  post: string;
  postLevel: Cadre['postLevel'];
  rank: Cadre['rank'];
  postStartMonth: string;
  category: Cadre['category'];
  appointmentType: Cadre['appointmentType'];
  professionalTitle: string;
  idNumberMasked: string | null;
  manualTags: string[];
  /** Only the entries the tag rules can read (tagRelevantSource), so tags can be recomputed daily. */
  tagFacts: Pick<TagSource, 'positions' | 'commendations' | 'annualAssessments'>;
  /**
   * Every line of 奖惩情况, for the evidence rules of assessments: scoring a cycle reads them here
   * rather than a thousand whole cadre documents (a second of a 1,000-cadre close).
   */
  merits: TagSource['commendations'];
}

/** A cadre document as read with LEDGER_FIELDS. */
export interface LedgerSourceDocument {
  _id: unknown;
  [field: string]: unknown;
}

/**
 * Interns the strings of many entries: 200,000 cadres share a few thousand distinct posts,
 * schools, places and months, and each decoded document would otherwise hold its own copies.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  get<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known as T;
    this.pool.set(value, value);
    return value;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalText = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function toLedgerEntry(doc: LedgerSourceDocument, pool: StringPool): LedgerEntry {
  const s = (value: unknown) => pool.get(text(value));
  const merits = list<LedgerEntry['merits'][number]>(doc['commendations']).map((merit) => ({
    kind: merit.kind,
    month: pool.get(merit.month ?? null),
    text: pool.get(merit.text),
  }));
  const facts = tagRelevantSource<LedgerEntry['tagFacts']>({
    positions: list(doc['positions']),
    commendations: merits,
    annualAssessments: list(doc['annualAssessments']),
  });
  return {
    id: String(doc._id),
    name: s(doc['name']),
    sex: s(doc['sex']) as LedgerEntry['sex'],
    birthMonth: s(doc['birthMonth']),
    ethnicity: s(doc['ethnicity']),
    nativePlace: s(doc['nativePlace']),
    partyJoinMonth: pool.get(optionalText(doc['partyJoinMonth'])),
    otherParty: pool.get(optionalText(doc['otherParty'])),
    workStartMonth: s(doc['workStartMonth']),
    education: s(doc['education']) as LedgerEntry['education'],
    degree: s(doc['degree']) as LedgerEntry['degree'],
    school: s(doc['school']),
    unitId: pool.get(String(doc['unitId'])),
    unitPath: list(doc['unitPath']).map((id) => pool.get(String(id))),
    unitType: s(doc['unitType']),
    post: s(doc['post']),
    postLevel: s(doc['postLevel']) as LedgerEntry['postLevel'],
    rank: s(doc['rank']) as LedgerEntry['rank'],
    postStartMonth: s(doc['postStartMonth']),
    category: s(doc['category']) as LedgerEntry['category'],
    appointmentType: s(doc['appointmentType']) as LedgerEntry['appointmentType'],
    professionalTitle: s(doc['professionalTitle']),
    idNumberMasked: optionalText(doc['idNumberMasked']),
    manualTags: list<string>(doc['manualTags']).map((tag) => pool.get(tag)),
    tagFacts: facts,
    merits,
  };
}

