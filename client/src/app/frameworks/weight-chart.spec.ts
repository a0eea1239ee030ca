import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideI18n } from '../core/i18n/provide-i18n';
import { waitForLayout } from '../../testing/wait-for-layout';
import type { WeightSummary } from './framework-form';
import { WeightChart } from './weight-chart';

describe('WeightChart', () => {
  let fixture: ComponentFixture<WeightChart>;

  beforeEach(() => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideI18n(), provideNoopAnimations()] });
  });

  async function render(summary: WeightSummary): Promise<HTMLElement> {
    fixture = TestBed.createComponent(WeightChart);
    fixture.componentRef.setInput('summary', summary);
    (fixture.nativeElement as HTMLElement).style.width = '320px';
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    await waitForLayout(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => (fixture.nativeElement as HTMLElement).remove());

  function rows(host: HTMLElement): string[] {
    return Array.from(host.querySelectorAll('.rows li'), (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('checks the overall total and each dimension’s indicator total against 100, with a bar per dimension', async () => {
    const host = await render({
      total: 100,
      dimensions: [
        { name: '政治素质', weight: 70, indicatorTotal: 100 },
        { name: '实干实绩', weight: 30, indicatorTotal: 90 },
      ],
    });

    expect(host.querySelector('.total')?.textContent?.trim()).toBe('合计 100 ✓');
    expect(host.querySelector('.total')?.classList).not.toContain('off');
    expect(rows(host)).toEqual(['政治素质70 指标合计 100 ✓', '实干实绩30 指标权重合计 90，应为 100']);
    expect(host.querySelectorAll('.bar').length).toBe(2);
  });

  it('marks a total that is not 100', async () => {
    const host = await render({ total: 85, dimensions: [{ name: '政治素质', weight: 85, indicatorTotal: 100 }] });

    expect(host.querySelector('.total')?.textContent?.trim()).toBe('维度权重合计 85，应为 100');
    expect(host.querySelector('.total')?.classList).toContain('off');
  });

  it('draws no chart without dimensions', async () => {
    const host = await render({ total: 0, dimensions: [] });

    expect(host.querySelector('.total')?.textContent?.trim()).toBe('维度权重合计 0，应为 100');
    expect(host.querySelector('ngx-charts-bar-horizontal')).toBeNull();
  });

  it('keeps unnamed or repeated dimensions apart in the chart', async () => {
    const host = await render({
      total: 100,
      dimensions: [
        { name: '政治素质', weight: 50, indicatorTotal: 100 },
        { name: '政治素质', weight: 30, indicatorTotal: 100 },
        { name: '', weight: 20, indicatorTotal: 100 },
      ],
    });

    expect(host.querySelectorAll('.bar').length).toBe(3);
  });
});
