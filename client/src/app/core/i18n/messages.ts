import type { AgeBand, UnitType } from '@cadre/shared-models';

/** Languages the interface is offered in; the value doubles as the Angular locale id. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every text the interface shows, so a dictionary missing a key fails to compile. */
export interface Messages {
  readonly shell: {
    readonly productName: string;
    readonly navigation: string;
    readonly toggleNavigation: string;
    readonly language: string;
    readonly home: string;
    readonly demoDataNotice: string;
  };
  readonly home: {
    readonly title: string;
    readonly loading: string;
    readonly totalCadres: string;
    readonly peopleUnit: string;
    readonly asOf: string;
    readonly empty: string;
    readonly emptyHint: string;
    readonly chartTitle: string;
    readonly chartNote: string;
    readonly unitTypeAxis: string;
    readonly countAxis: string;
    readonly ageBandLegend: string;
    readonly tableTitle: string;
    readonly totalColumn: string;
    readonly totalRow: string;
    readonly retry: string;
  };
  readonly errors: {
    readonly network: string;
    readonly invalidResponse: string;
    readonly unexpected: string;
    readonly requestId: string;
    httpStatus(status: number): string;
  };
  readonly paginator: {
    readonly itemsPerPage: string;
    readonly nextPage: string;
    readonly previousPage: string;
    readonly firstPage: string;
    readonly lastPage: string;
    readonly emptyRange: string;
    range(first: number, last: number, length: number): string;
  };
  readonly unitTypes: Readonly<Record<UnitType, string>>;
  readonly ageBands: Readonly<Record<AgeBand, string>>;
}
