import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { waitForLayout } from '../../testing/wait-for-layout';
import { CompetencyRadar, type CompetencyScore } from './competency-radar';

@Component({
  imports: [CompetencyRadar],
  template: `<div style="width: 480px"><cadre-competency-radar [scores]="scores()" /></div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class RadarHost {
  readonly scores = signal<readonly CompetencyScore[]>([]);
}

describe('CompetencyRadar', () => {
  let fixture: ComponentFixture<RadarHost>;

  function element(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(async () => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(RadarHost);
    await waitForLayout(fixture);
  });

  it('says honestly that there is no assessment yet instead of drawing an empty web', () => {
    expect(element().querySelector('.empty-title')?.textContent).toBe('尚无能力评价结果');
    expect(element().querySelector('.empty-hint')?.textContent).toContain('首个考核评价周期');
    expect(element().querySelector('ngx-charts-polar-chart')).toBeNull();
  });

  it('draws a radar with one spoke per dimension once scores exist', async () => {
    fixture.componentInstance.scores.set([
      { dimension: '政治素质', score: 88 },
      { dimension: '专业能力', score: 76 },
      { dimension: '实干实绩', score: 92 },
      { dimension: '清正廉洁', score: 95 },
    ]);
    await waitForLayout(fixture);

    expect(element().querySelector('.empty')).toBeNull();
    expect(element().querySelector('ngx-charts-polar-chart svg')).not.toBeNull();
    const labels = Array.from(element().querySelectorAll('ngx-charts-polar-chart text'), (node) => node.textContent?.trim());
    for (const dimension of ['政治素质', '专业能力', '实干实绩', '清正廉洁']) expect(labels).toContain(dimension);
    // Straight edges between the scores: the closed path has only line segments, no curves.
    const path = element().querySelector('ngx-charts-polar-chart g.polar-series-path path')?.getAttribute('d') ?? '';
    expect(path).toMatch(/^M[^C]*Z$/);
  });
});
