import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipHarness, MatChipListboxHarness, MatChipSetHarness } from '@angular/material/chips/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { computeAgeInYears, type AssessmentHistoryEntry, type CadreRecord, type Role } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { waitForLayout } from '../../testing/wait-for-layout';
import { aHistoryEntry } from '../results/result.fixture';
import { RECORD_ID, aCadreRecord } from './cadre-record.fixture';
import { Portrait } from './portrait';

describe('Portrait', () => {
  let fixture: ComponentFixture<Portrait>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
  });
  afterEach(() => backend.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textsOf(selector: string): string[] {
    return Array.from(page().querySelectorAll(selector), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  const HISTORY_URL = `/api/cadres/${RECORD_ID}/assessment-history`;

  /** The record, then the locked assessment results the radar draws from. */
  function answerRecord(record: CadreRecord = aCadreRecord(), entries: AssessmentHistoryEntry[] = []): void {
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(record);
    TestBed.tick();
    backend.expectOne(HISTORY_URL).flush({ cadreId: RECORD_ID, entries });
  }

  async function render(
    roles: Role[],
    record: CadreRecord = aCadreRecord(),
    me: { cadreId?: string } = {},
    entries: AssessmentHistoryEntry[] = [],
  ): Promise<void> {
    signIn(aMe({ roles, ...me }));
    fixture = TestBed.createComponent(Portrait);
    fixture.componentRef.setInput('id', RECORD_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    answerRecord(record, entries);
    await waitForLayout(fixture);
  }

  /** Each matching element as the texts of its children, so cells and spans stay apart. */
  function partsOf(selector: string): string[][] {
    return Array.from(page().querySelectorAll(selector), (node) =>
      Array.from(node.children, (child) => child.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  async function buttonTexts(): Promise<string[]> {
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    return Promise.all(buttons.map((button) => button.getText()));
  }

  it('shows the headline: name, sex, age and birth month, ethnicity, political status, unit and post', async () => {
    await render(['org_admin']);

    const age = computeAgeInYears('1986-04', new Date());
    expect(textsOf('h1 .overline')).toEqual(['干部画像']);
    expect(textsOf('h1 .name')).toEqual(['陈静']);
    expect(textsOf('.summary')).toEqual([`女 · ${age}岁（1986.04） · 土家族 · 中共党员`]);
    expect(textsOf('.post')).toEqual(['观音桥街道 观音桥街道办事处副主任']);
    const postChips = await loader.getHarness(MatChipSetHarness.with({ selector: '.post-chips' }));
    expect(await Promise.all((await postChips.getChips()).map((chip) => chip.getText()))).toEqual([
      '乡科级副职',
      '一级主任科员',
      '综合管理类',
      '委任',
    ]);
    const facts = Object.fromEntries(
      Array.from(page().querySelectorAll('.facts > div'), (div) => [div.querySelector('dt')?.textContent?.trim(), div.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim()]),
    );
    expect(facts).toEqual(
      jasmine.objectContaining({
        任现职时间: '2021.03',
        最高学历: '研究生 · 硕士 · 重庆大学公共管理学院',
        入党时间: '2008.06',
      }),
    );
  });

  it('names each education row whole in the headline when the highest degree is in the other row', async () => {
    await render(
      ['org_admin'],
      aCadreRecord({
        fullTimeEducation: { education: '大学本科', degree: '学士', educationSchool: '西南大学经济管理学院', degreeSchool: '西南大学经济管理学院' },
        inServiceEducation: { education: '研究生', degree: null, educationSchool: '中共重庆市委党校经济管理专业', degreeSchool: '' },
        education: '研究生',
        degree: '学士',
        school: '中共重庆市委党校经济管理专业',
      }),
    );

    expect(textsOf('.facts .education-line')).toEqual(['研究生 · 中共重庆市委党校经济管理专业', '大学本科 · 学士 · 西南大学经济管理学院']);
  });

  it('shows each derived tag with its evidence, in a tooltip and spelled out once the tag is chosen', async () => {
    await render(['org_admin']);

    const listbox = await loader.getHarness(MatChipListboxHarness);
    const chips = await listbox.getChips();
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['少数民族干部', '基层经历']);
    expect(textsOf('.evidence li.chosen')).toEqual([]);

    const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: 'mat-chip-option:nth-of-type(2)' }));
    await tooltip.show();
    expect(await tooltip.getTooltipText()).toBe('2009.07—2015.02 石柱县南宾镇党政办科员');

    await chips[1]!.select();
    expect(textsOf('.evidence li.chosen')).toEqual(['基层经历←2009.07—2015.02 石柱县南宾镇党政办科员']);
  });

  it('lists the manual tags apart from the derived ones', async () => {
    await render(['org_admin']);

    const manual = await loader.getAllHarnesses(MatChipHarness.with({ text: '乡村振兴' }));
    expect(manual.length).toBe(1);
  });

  it('shows the timeline newest first, with the 其间 entries under their post and the kinds it has none of', async () => {
    await render(['org_admin']);

    expect(partsOf('cadre-timeline .entry .head')).toEqual([
      ['2024年度', '年度考核'],
      ['2023年度', '年度考核'],
      ['2021.03—至今', '任职'],
      ['2019.12', '奖励'],
      ['2015.02—2021.03', '任职'],
      ['2009.07—2015.02', '任职'],
      ['2005.09—2009.07', '学习'],
      ['处分'],
    ]);
    expect(textsOf('cadre-timeline .sub li')).toEqual(['其间 2011.03—2012.03 挂职石柱县龙沙镇龙沙村第一书记']);
    expect(textsOf('cadre-timeline .undated-title')).toEqual(['未注明时间']);
    expect(textsOf('cadre-timeline .note')).toEqual(['暂无培训、实践锻炼记录']);
  });

  it('shows the radar’s empty state until an assessment cycle has scored the cadre', async () => {
    await render(['org_admin']);

    expect(textsOf('cadre-competency-radar .empty-title')).toEqual(['尚无能力评价结果']);
    expect(page().querySelector('ngx-charts-polar-chart')).toBeNull();
    expect(page().querySelector('cadre-assessment-history-list')).toBeNull();
  });

  it('draws the latest locked assessment on the radar and lists every assessment with a link to its report', async () => {
    const older = aHistoryEntry({
      cycleId: '66a000000000000000000000',
      cycleName: '2025年度考核',
      year: 2025,
      total: 91.2,
      grade: '优秀',
      dimensions: [{ dimensionId: 'political', name: '旧维度', score: 95 }],
      lockedAt: '2026-01-20T08:00:00.000Z',
    });
    await render(['org_admin'], aCadreRecord(), {}, [older, aHistoryEntry()]);

    expect(textsOf('.radar-source')).toEqual(['依据：2026年度考核']);
    const labels = Array.from(page().querySelectorAll('cadre-competency-radar text'), (node) => node.textContent?.trim());
    for (const dimension of ['政治素质', '专业能力', '实干实绩']) expect(labels).toContain(dimension);
    expect(labels).not.toContain('旧维度');
    expect(partsOf('cadre-assessment-history-list tbody tr')).toEqual([
      ['2026', '2026年度考核', '称职', '86.40'],
      ['2025', '2025年度考核', '优秀', '91.20'],
    ]);
    expect(page().querySelector('cadre-assessment-history-list a')?.getAttribute('href')).toBe(`/cycles/66a000000000000000000001/results/${RECORD_ID}`);
  });

  it('keeps the radar’s empty state and says why when the assessment history cannot be read', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Portrait);
    fixture.componentRef.setInput('id', RECORD_ID);
    await fixture.whenStable();
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aCadreRecord());
    await fixture.whenStable();
    backend.expectOne(HISTORY_URL).flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(textsOf('h1 .name')).toEqual(['陈静']);
    expect(textsOf('cadre-competency-radar .empty-title')).toEqual(['尚无能力评价结果']);
    expect(textsOf('#radar-title ~ cadre-failure-notice h2')).toEqual(['服务暂不可用']);
  });

  it('shows both education rows and the family table', async () => {
    await render(['org_admin']);

    expect(partsOf('table.plain:not(.family) tbody tr')).toEqual([
      ['全日制教育', '大学本科 学士', '西南大学经济管理学院'],
      ['在职教育', '研究生 硕士', '重庆大学公共管理学院'],
    ]);
    expect(partsOf('table.family tbody tr')).toEqual([
      ['丈夫', '刘洋', '1984.10', '中共党员', '江北区教委科员'],
      ['女儿', '刘欣然', '2014.05', '群众', '观音桥小学学生'],
    ]);
  });

  it('offers editing to those who may write records', async () => {
    await render(['unit_manager']);

    expect(await buttonTexts()).toContain('编辑档案');
    expect(page().querySelector('a[href$="/edit"]')).not.toBeNull();
  });

  it('shows a cadre their own record read-only, with the way to ask for a correction', async () => {
    await render(['cadre'], aCadreRecord(), { cadreId: RECORD_ID });
    backend.expectOne((request) => request.url === '/api/corrections' && request.params.get('cadreId') === RECORD_ID).flush({ items: [], total: 0 });
    await fixture.whenStable();

    const buttons = await buttonTexts();
    expect(buttons).not.toContain('编辑档案');
    expect(buttons).not.toContain('显示完整号码');
    expect(buttons).toContain('申请更正');
    expect(page().querySelector('a[href$="/edit"]')).toBeNull();
  });

  it('shows no edit controls and no correction request to a reader without cadre:write on someone else’s record', async () => {
    await render(['assessor']);

    const buttons = await buttonTexts();
    expect(buttons).not.toContain('编辑档案');
    expect(buttons).not.toContain('申请更正');
    expect(buttons).toContain('任免审批表');
  });

  it('lets the organization department reveal the full ID number, asking the server each time', async () => {
    await render(['org_admin']);

    await (await loader.getHarness(MatButtonHarness.with({ text: '显示完整号码' }))).click();
    backend.expectOne({ method: 'POST', url: `/api/cadres/${RECORD_ID}/id-number/reveal` }).flush({ idNumber: '500240198604122026' });
    await fixture.whenStable();

    expect(textsOf('.id-number code')).toEqual(['500240198604122026']);
  });

  it('fetches the photo as a blob and shows it through an object URL', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Portrait);
    fixture.componentRef.setInput('id', RECORD_ID);
    await fixture.whenStable();
    answerRecord(aCadreRecord({ hasPhoto: true }));
    await fixture.whenStable();

    const request = backend.expectOne(`/api/cadres/${RECORD_ID}/photo`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }));
    await fixture.whenStable();

    expect(page().querySelector<HTMLImageElement>('cadre-photo img')?.src).toMatch(/^blob:/);
  });

  it('shows a silhouette when the record has no photo, without asking for one', async () => {
    await render(['org_admin'], aCadreRecord({ hasPhoto: false }));

    expect(page().querySelector('cadre-photo svg[aria-label="暂无照片"]')).not.toBeNull();
    backend.expectNone(`/api/cadres/${RECORD_ID}/photo`);
  });

  for (const [status, code, title] of [
    [403, 'forbidden', '无权访问'],
    [403, 'out_of_scope', '无权访问'],
    [404, 'not_found', '档案不存在'],
  ] as const) {
    it(`shows ${title} when the API answers ${status} ${code}`, async () => {
      signIn(aMe({ roles: ['unit_manager'] }));
      fixture = TestBed.createComponent(Portrait);
      fixture.componentRef.setInput('id', RECORD_ID);
      await fixture.whenStable();
      backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aProblem(status, code), { status, statusText: code });
      await fixture.whenStable();

      expect(page().querySelector('h1')?.textContent).toBe(title);
      expect(page().textContent).not.toContain('干部画像');
    });
  }

  it('shows the problem of any other failure, with a retry', async () => {
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(Portrait);
    fixture.componentRef.setInput('id', RECORD_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend
      .expectOne(`/api/cadres/${RECORD_ID}`)
      .flush(aProblem(503, 'database_unavailable', { title: '服务暂不可用' }), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();

    expect(page().textContent).toContain('服务暂不可用');
    await (await loader.getHarness(MatButtonHarness.with({ text: '重试' }))).click();
    answerRecord();
    await fixture.whenStable();
    expect(textsOf('h1 .name')).toEqual(['陈静']);
  });
});
