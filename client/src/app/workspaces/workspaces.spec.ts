import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { aCycleSummary } from '../cycles/cycle.fixture';
import { AssessmentWork } from './assessment-work';
import { ReviewCases } from './review-cases';

describe('work pages', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function textOf(fixture: ComponentFixture<unknown>): string {
    return ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
  }

  function respond(status: string, items: ReturnType<typeof aCycleSummary>[]): void {
    backend.expectOne((r) => r.url === '/api/cycles' && r.params.get('status') === status).flush({ items, total: items.length });
  }

  describe('AssessmentWork', () => {
    let fixture: ComponentFixture<AssessmentWork>;

    beforeEach(async () => {
      signIn(aMe({ roles: ['assessor'] }));
      fixture = TestBed.createComponent(AssessmentWork);
      await fixture.whenStable();
    });

    it('lists the cycles waiting on the assessor, calibrations first with a link to calibrate', async () => {
      respond('closed', [aCycleSummary({ id: '65f000000000000000000001', name: '2026年度考核', status: 'closed' })]);
      respond('open', [aCycleSummary({ id: '65f000000000000000000002', name: '2026年二季度考核', status: 'open' })]);
      respond('draft', []);
      await fixture.whenStable();

      const stages = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('section.stage'), (s) => s.textContent?.replace(/\s+/g, ' ') ?? '');
      expect(stages.length).toBe(3);
      expect(stages[0]).toContain('待校准');
      expect(stages[0]).toContain('2026年度考核');
      expect(stages[1]).toContain('测评中');
      expect(stages[1]).toContain('2026年二季度考核');
      expect(stages[2]).toContain('暂无');
      const calibrate = (fixture.nativeElement as HTMLElement).querySelector('a[href="/cycles/65f000000000000000000001/calibration"]');
      expect(calibrate?.textContent?.trim()).toBe('去校准');
    });

    it('with no cycles at all explains the work and offers to start one', async () => {
      respond('closed', []);
      respond('open', []);
      respond('draft', []);
      await fixture.whenStable();

      expect(textOf(fixture)).toContain('我的考核工作');
      expect(textOf(fixture)).toContain('校准');
      expect((fixture.nativeElement as HTMLElement).querySelector('a[href="/cycles/new"]')?.textContent?.trim()).toBe('新建考核');
    });

    it('shows a failed load as the problem, not as an empty list', async () => {
      backend
        .expectOne((r) => r.params.get('status') === 'closed')
        .flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
      backend.match((r) => r.url === '/api/cycles');
      await fixture.whenStable();

      expect(textOf(fixture)).toContain('服务暂不可用');
      expect(textOf(fixture)).not.toContain('暂无');
    });
  });

  it('ReviewCases explains the work and says honestly that no cases are assigned, with no invented ones', async () => {
    signIn(aMe({ roles: ['reviewer'] }));
    const fixture = TestBed.createComponent(ReviewCases);
    await fixture.whenStable();

    expect(textOf(fixture)).toContain('容错纠错审核');
    expect(textOf(fixture)).toContain('我的案件');
    expect(textOf(fixture)).toContain('目前没有分配给您的案件');
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('li').length).toBe(3);
  });
});
