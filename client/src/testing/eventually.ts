import type { ComponentFixture } from '@angular/core/testing';

/**
 * Waits until `condition` holds, letting the fixture settle between looks. For work that
 * completes outside what `whenStable()` tracks, such as reading a refused download's problem
 * from its blob: a fixed number of ticks passes or fails with the machine's load. The deadline
 * only bounds a spec that would otherwise hang; it does not decide the outcome of a passing one.
 */
export async function eventually<T>(
  fixture: ComponentFixture<unknown>,
  condition: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await fixture.whenStable();
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
