import type { CommendationEntry } from '../cadres/cadre-record.js';
import { evidenceFromRecord, isSeriousSanction, RECORD_EVIDENCE_SOURCES } from './evidence.js';

describe('isSeriousSanction', () => {
  const cases: Array<[string, boolean]> = [
    ['2024年受到党内警告处分', false],
    ['2024年受到党内严重警告处分', true],
    ['严重警告', true],
    ['政务警告', false],
    ['政务记过处分', false],
    ['政务记大过处分', true],
    ['降级处分', true],
    ['撤职处分', true],
    ['开除公职', true],
    ['开除党籍', true],
    ['撤销党内职务处分', true],
    ['留党察看一年', true],
    ['诫勉', false],
    ['通报批评', false],
    ['警告、记过', false],
    ['', false],
  ];
  for (const [text, serious] of cases) it(`reads “${text}” as ${serious ? 'serious' : 'not serious'}`, () => expect(isSeriousSanction(text)).toBe(serious));
});

describe('evidenceFromRecord', () => {
  const commendations: CommendationEntry[] = [
    { kind: 'commendation', month: '2025-12', text: '2025年12月获评优秀共产党员' },
    { kind: 'sanction', month: '2026-03', text: '2026年3月受到党内警告处分' },
    { kind: 'sanction', month: '2026-06', text: '2026年6月受到党内严重警告处分' },
    { kind: 'commendation', month: '2026-12', text: '2026年12月记三等功' },
    { kind: 'sanction', month: null, text: '曾受记大过处分' },
    { kind: 'commendation', month: '2027-01', text: '2027年1月嘉奖' },
  ];
  const period = { start: '2026-01-01', end: '2026-12-31' };

  it('keeps the entries of the period, a serious sanction under both sanction sources with one key', () => {
    expect(evidenceFromRecord({ commendations }, period)).toEqual([
      { source: 'sanctions', key: 'commendations:1', text: '2026年3月受到党内警告处分', month: '2026-03', amount: 1 },
      { source: 'sanctions', key: 'commendations:2', text: '2026年6月受到党内严重警告处分', month: '2026-06', amount: 1 },
      { source: 'serious_sanctions', key: 'commendations:2', text: '2026年6月受到党内严重警告处分', month: '2026-06', amount: 1 },
      { source: 'commendations', key: 'commendations:3', text: '2026年12月记三等功', month: '2026-12', amount: 1 },
    ]);
  });

  const bounds: Array<[start: string, end: string, keys: string[]]> = [
    ['2025-12-31', '2026-03-01', ['commendations:0', 'commendations:1']],
    ['2026-06-15', '2027-01-15', ['commendations:2', 'commendations:3', 'commendations:5']],
    ['2030-01-01', '2030-12-31', []],
  ];
  for (const [start, end, keys] of bounds) {
    it(`counts whole months of a period ${start}–${end}, never an entry without a month`, () => {
      expect([...new Set(evidenceFromRecord({ commendations }, { start, end }).map((item) => item.key))]).toEqual(keys);
    });
  }

  it('feeds the sources the record knows about, and no others', () => {
    expect([...RECORD_EVIDENCE_SOURCES].sort()).toEqual(['commendations', 'sanctions', 'serious_sanctions', 'tolerated_cases']);
  });
});
