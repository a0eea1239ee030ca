import { buildAuditFilterParams, NO_AUDIT_FILTERS } from './audit-query';

describe('buildAuditFilterParams', () => {
  it('leaves blank filters out of the query', () => {
    expect(buildAuditFilterParams({ ...NO_AUDIT_FILTERS, username: '   ' })).toEqual({});
  });

  it('covers whole local days, from the first to the last millisecond', () => {
    const params = buildAuditFilterParams({ ...NO_AUDIT_FILTERS, from: new Date(2026, 0, 5, 15, 30), to: new Date(2026, 0, 5, 9) });

    expect(new Date(params.from!).getTime()).toBe(new Date(2026, 0, 5).getTime());
    expect(new Date(params.to!).getTime()).toBe(new Date(2026, 0, 6).getTime() - 1);
  });

  it('refuses a filter the shared schema would reject', () => {
    expect(() => buildAuditFilterParams({ ...NO_AUDIT_FILTERS, username: 'x'.repeat(41) })).toThrow();
  });
});
