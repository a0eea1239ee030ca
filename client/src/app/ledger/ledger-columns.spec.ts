import { TestBed } from '@angular/core/testing';
import { DEFAULT_LEDGER_COLUMNS } from '@cadre/shared-models';
import { LedgerColumnPreference, dottedMonth, normalizeColumns } from './ledger-columns';

describe('normalizeColumns', () => {
  const CASES: readonly [string, string[], string[]][] = [
    ['puts the name first', ['age', 'name', 'sex'], ['name', 'age', 'sex']],
    ['adds the name when missing', ['rank'], ['name', 'rank']],
    ['drops unknown and repeated columns', ['sex', 'salary', 'sex', 'age'], ['name', 'sex', 'age']],
    ['an empty list is the name alone', [], ['name']],
  ];

  for (const [name, columns, expected] of CASES) {
    it(name, () => {
      expect(normalizeColumns(columns)).toEqual(expected as ReturnType<typeof normalizeColumns>);
    });
  }
});

describe('dottedMonth', () => {
  it('writes a month as the appointment form does, and a missing one as a dash', () => {
    expect(dottedMonth('1985-07')).toBe('1985.07');
    expect(dottedMonth(null)).toBe('—');
  });
});

describe('LedgerColumnPreference', () => {
  const KEY = 'cadre.ledger.columns.u1';
  let preference: LedgerColumnPreference;

  beforeEach(() => {
    localStorage.removeItem(KEY);
    preference = TestBed.inject(LedgerColumnPreference);
  });
  afterEach(() => localStorage.removeItem(KEY));

  it('starts from the default columns', () => {
    expect(preference.load('u1')).toEqual(DEFAULT_LEDGER_COLUMNS);
  });

  it("remembers a user's choice, apart from other users", () => {
    preference.save('u1', ['name', 'ethnicity']);

    expect(preference.load('u1')).toEqual(['name', 'ethnicity']);
    expect(preference.load('u2')).toEqual(DEFAULT_LEDGER_COLUMNS);
  });

  it('falls back to the defaults when the stored entry is unreadable', () => {
    localStorage.setItem(KEY, '{not json');
    expect(preference.load('u1')).toEqual(DEFAULT_LEDGER_COLUMNS);

    localStorage.setItem(KEY, JSON.stringify({ columns: ['age'] }));
    expect(preference.load('u1')).toEqual(DEFAULT_LEDGER_COLUMNS);
  });
});
