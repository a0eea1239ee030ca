import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import type { Provider } from '@angular/core';
import { of } from 'rxjs';

/** Pins layout queries to a phone or a desktop, whatever the size of the test browser. */
export function provideViewport(handset: boolean): Provider {
  const state: BreakpointState = { matches: handset, breakpoints: {} };
  return { provide: BreakpointObserver, useValue: { observe: () => of(state), isMatched: () => handset } };
}
