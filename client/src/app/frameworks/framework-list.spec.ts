import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { DEFAULT_FRAMEWORK, type Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { FrameworkList } from './framework-list';
import { FRAMEWORK_ID, VERSION_ID, aFrameworkVersion, aVersionSummary } from './framework.fixture';

describe('FrameworkList', () => {
  let fixture: ComponentFixture<FrameworkList>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function render(role: Role = 'org_admin'): Promise<void> {
    signIn(aMe({ roles: [role] }));
    fixture = TestBed.createComponent(FrameworkList);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function texts(selector: string): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('groups versions under their framework, newest first, with state and lock', async () => {
    await render();
    backend.expectOne('/api/frameworks').flush({
      items: [
        aVersionSummary({ status: 'published', locked: true, publishedAt: '2025-10-02T00:00:00.000Z' }),
        aVersionSummary({ id: '65e100000000000000000002', version: 2, status: 'draft', name: '干部能力评价体系（2026）' }),
        aVersionSummary({ id: '65e100000000000000000003', frameworkId: '65e000000000000000000009', name: '专项考核体系' }),
      ],
    });
    await fixture.whenStable();

    expect(texts('.framework h2')).toEqual(['干部能力评价体系（2026）', '专项考核体系']);
    const [draft, published] = texts('.framework:first-of-type .version');
    expect(draft).toContain('第 2 版');
    expect(draft).toContain('草稿');
    expect(draft).not.toContain('已被考核使用');
    expect(published).toContain('第 1 版');
    expect(published).toContain('已发布');
    expect(published).toContain('已被考核使用');
    expect(published).toContain('发布于 2025-10-02');
    expect((fixture.nativeElement as HTMLElement).querySelector('.version a')?.getAttribute('href')).toBe('/frameworks/65e100000000000000000002');
  });

  it('creates a new framework from the default one and opens it', async () => {
    await render();
    backend.expectOne('/api/frameworks').flush({ items: [] });
    await fixture.whenStable();
    expect(texts('.empty')[0]).toContain('还没有评价体系');

    await (await loader.getHarness(MatButtonHarness.with({ text: '新建评价体系' }))).click();
    const request = backend.expectOne({ method: 'POST', url: '/api/frameworks' });
    expect(request.request.body).toEqual({ content: DEFAULT_FRAMEWORK });
    request.flush(aFrameworkVersion());
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/frameworks', VERSION_ID]);
    expect(await (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage()).toBe('已按默认体系创建草稿，请修改后发布');
  });

  it('shows why creating failed', async () => {
    await render();
    backend.expectOne('/api/frameworks').flush({ items: [aVersionSummary()] });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: '新建评价体系' }))).click();
    backend.expectOne({ method: 'POST', url: '/api/frameworks' }).flush(aProblem(403, 'forbidden', { title: '无权操作' }), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    expect(texts('.alert')).toEqual(['无权操作 您的角色无权执行此操作']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lets an assessor read but not create', async () => {
    await render('assessor');
    backend.expectOne('/api/frameworks').flush({ items: [aVersionSummary({ frameworkId: FRAMEWORK_ID })] });
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '新建评价体系' }))).toEqual([]);
  });

  it('shows why the list failed and retries', async () => {
    await render();
    backend.expectOne('/api/frameworks').flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('服务暂不可用');

    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    backend.expectOne('/api/frameworks').flush({ items: [aVersionSummary()] });
    await fixture.whenStable();
    expect(texts('.version').length).toBe(1);
  });
});
