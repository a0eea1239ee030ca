import type { ComponentFixture } from '@angular/core/testing';

/**
 * Waits until ResizeObserver callbacks of the current layout have run and the view has caught
 * up. Those callbacks fire after animation frames, which fixture.whenStable() does not track.
 */
export async function waitForLayout(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  for (let frame = 0; frame < 2; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await fixture.whenStable();
}
