import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  DEFAULT_LEDGER_COLUMNS,
  type LedgerPage,
  type LedgerRow,
  type LedgerView,
  type Me,
} from '@cadre/shared-models';
import type { UnitWithVersion } from '../admin/units/units-api';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { eventually } from '../../testing/eventually';
import { provideViewport } from '../../testing/viewport';
import { FileSaver } from './file-download';
import { Ledger } from './ledger';
import { NO_FILTER } from './ledger-query';

const ROOT = '65b000000000000000000001';
const STREET = '65b000000000000000000003';
const UNITS: UnitWithVersion[] = [
  { id: ROOT, name: '江北区委', code: 'JB', type: 'party_committee', parentId: null, ancestorIds: [], sortOrder: 0, version: 1 },
  { id: '65b000000000000000000002', name: '组织部', code: 'JB-ZZB', type: 'org_department', parentId: ROOT, ancestorIds: [ROOT], sortOrder: 1, version: 1 },
  { id: STREET, name: '城关街道', code: 'JB-CG', type: 'street', parentId: ROOT, ancestorIds: [ROOT], sortOrder: 2, version: 1 },
];

function aRow(overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: '65c000000000000000000001',
    name: '王芳',
    sex: '女',
    birthMonth: '1985-07',
    age: 41,
    ethnicity: '汉族',
    nativePlace: '浙江宁波',
    politicalStatus: '中共党员',
    partyJoinMonth: '2006-06',
    workStartMonth: '2008-08',
    education: '研究生',
    degree: '硕士',
    school: '浙江大学公共管理学院',
    unitId: STREET,
    unitName: '城关街道',
    post: '党工委副书记',
    postLevel: '乡科级正职',
    rank: '一级主任科员',
    postStartMonth: '2021-03',
    category: '综合管理类',
    appointmentType: '委任',
    professionalTitle: '',
    tags: ['女干部', '基层经历'],
    idNumberMasked: '330203********1234',
    ...overrides,
  };
}

const SECOND = aRow({ id: '65c000000000000000000002', name: '李强', sex: '男', age: 36, tags: [] });

function aPage(items: LedgerRow[], total = items.length): LedgerPage {
  return { items, total, asOf: '2026-11-26' };
}

function aView(overrides: Partial<LedgerView> = {}): LedgerView {
  return {
    id: '65d000000000000000000001',
    name: '女干部名册',
    filter: { ...NO_FILTER, sex: ['女'] },
    sort: 'age',
    direction: 'desc',
    columns: ['name', 'age', 'unitName'],
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

describe('Ledger', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let overlays: HarnessLoader;
  let backend: HttpTestingController;

  // Each test drives the whole page through many harness steps; a busy CI machine can take longer than Jasmine's 5 s.
  let defaultTimeout: number;
  beforeAll(() => {
    defaultTimeout = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;
  });
  afterAll(() => (jasmine.DEFAULT_TIMEOUT_INTERVAL = defaultTimeout));

  // The column choice and whether the filter panel was left open are kept per user in this browser.
  const forgetPreferences = () => {
    localStorage.removeItem('cadre.ledger.columns.65a000000000000000000001');
    localStorage.removeItem('cadre.ledger.filtersOpen.65a000000000000000000001');
  };
  beforeEach(forgetPreferences);
  afterEach(() => {
    backend.verify();
    forgetPreferences();
  });

  function setUp(handset = false): void {
    backend = configureApiTestBed(
      provideNoopAnimations(),
      provideRouter([{ path: 'ledger', component: Ledger }]),
      provideLocationMocks(),
      provideViewport(handset),
    );
  }

  /** Opens the page at an address and answers the requests every visit makes but the ledger page itself. */
  async function open(url = '/ledger', options: { me?: Me; views?: LedgerView[]; handset?: boolean } = {}): Promise<void> {
    setUp(options.handset);
    signIn(options.me ?? aMe({ roles: ['org_admin'] }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, Ledger);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    overlays = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await settle();
    backend.expectOne('/api/units').flush({ items: UNITS });
    backend.expectOne('/api/ledger/views').flush(options.views ?? []);
    await settle();
  }

  /** Opens the page and answers its first ledger request. */
  async function render(url = '/ledger', page = aPage([aRow(), SECOND], 42), options: { me?: Me; views?: LedgerView[] } = {}): Promise<void> {
    await open(url, options);
    expectLedger().flush(page);
    await settle();
  }

  /** Lets navigations, timers and blob reads scheduled by the last step run, and the view catch up. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
    await harness.fixture.whenStable();
  }

  function expectLedger(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/ledger');
  }

  function params(request: TestRequest): Record<string, string[]> {
    const { params: query } = request.request;
    return Object.fromEntries(query.keys().map((key) => [key, query.getAll(key)!]));
  }

  function text(): string {
    return (harness.fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  function url(): string {
    return decodeURIComponent(TestBed.inject(Router).url);
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = (await (await field(label)).getControl(MatSelectHarness))!;
    await select.open();
    await select.clickOptions({ text: option });
    await select.close();
    await settle();
  }

  /** The panel starts folded; a type-ahead inside it opens its list only while the panel is open. */
  async function openFilters(): Promise<void> {
    await (await loader.getHarness(MatExpansionPanelHarness)).expand();
    await settle();
  }

  async function headers(): Promise<string[]> {
    const table = await loader.getHarness(MatTableHarness);
    const [header] = await table.getHeaderRows();
    return header!.getCellTextByIndex();
  }

  async function button(label: string | RegExp, from = loader): Promise<MatButtonHarness> {
    return from.getHarness(MatButtonHarness.with({ text: label }));
  }

  it('asks the server for the first page by name and shows its rows, formatted, with the count', async () => {
    await open();

    const request = expectLedger();
    expect(params(request)).toEqual({ sort: ['name'], direction: ['asc'], page: ['0'], size: ['20'] });
    request.flush(aPage([aRow(), SECOND], 42));
    await settle();

    expect(text()).toContain('共 42 人');
    expect(await headers()).toEqual(['', '姓名', '性别', '年龄', '最高学历', '单位', '现任职务', '职务层次', '职级', '干部类别', '标签']);
    const table = await loader.getHarness(MatTableHarness);
    const [first] = await table.getCellTextByIndex();
    expect(first).toEqual(['', '王芳', '女', '41', '研究生', '城关街道', '党工委副书记', '乡科级正职', '一级主任科员', '综合管理类', '女干部基层经历']);
    const tags = (harness.fixture.nativeElement as HTMLElement).querySelectorAll('td .tag');
    expect([...tags].map((tag) => tag.textContent?.trim())).toEqual(['女干部', '基层经历']);
    const link = (harness.fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>('a.name-link')!;
    expect(link.getAttribute('href')).toBe('/cadres/65c000000000000000000001');
  });

  it('shows months as yyyy.MM and absent values as a dash', async () => {
    localStorage.setItem(
      'cadre.ledger.columns.65a000000000000000000001',
      JSON.stringify(['name', 'birthMonth', 'partyJoinMonth', 'postStartMonth', 'professionalTitle', 'idNumberMasked']),
    );
    await render('/ledger', aPage([aRow(), aRow({ id: '65c000000000000000000003', partyJoinMonth: null, idNumberMasked: null })]));

    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByIndex()).toEqual([
      ['', '王芳', '1985.07', '2006.06', '2021.03', '—', '330203********1234'],
      ['', '王芳', '1985.07', '—', '2021.03', '—', '—'],
    ]);
  });

  it('restores filters, sort and page from the address', async () => {
    await open(
      `/ledger?sex=女&education=研究生&education=大学本科&tag=基层经历&q=张&unitId=${STREET}&sort=age&direction=desc&page=2&size=50`,
    );

    const request = expectLedger();
    expect(params(request)).toEqual(
      jasmine.objectContaining({
        sex: ['女'],
        education: ['研究生', '大学本科'],
        tag: ['基层经历'],
        q: ['张'],
        unitId: [STREET],
        sort: ['age'],
        direction: ['desc'],
        page: ['2'],
        size: ['50'],
      }),
    );
    request.flush(aPage([aRow()], 160));
    await settle();

    expect(await (await (await field('性别')).getControl(MatSelectHarness))!.getValueText()).toBe('女');
    expect(await (await (await field('最高学历')).getControl(MatSelectHarness))!.getValueText()).toBe('研究生, 大学本科');
    expect(await (await (await field('姓名或职务')).getControl(MatInputHarness))!.getValue()).toBe('张');
    expect(await (await (await field('单位')).getControl(MatInputHarness))!.getValue()).toBe('城关街道');
    const chips = await (await loader.getHarness(MatChipGridHarness)).getRows();
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['基层经历']);
    const active = await (await loader.getHarness(MatSortHarness)).getActiveHeader();
    expect(await active!.getLabel()).toBe('年龄');
    expect(await active!.getSortDirection()).toBe('desc');
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getPageSize()).toBe(50);
    expect(await paginator.getRangeLabel()).toContain('101');
    expect(text()).toContain('共 160 人');
  });

  it('narrows the view by a chosen value, from the first page, and keeps it in the address', async () => {
    await render('/ledger?page=3');

    await choose('性别', '女');

    const request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ sex: ['女'], page: ['0'] }));
    request.flush(aPage([aRow()], 1));
    await settle();
    expect(url()).toBe('/ledger?sex=女');
    expect(text()).toContain('共 1 人');
  });

  it('filters by a unit picked from the tree by name, and drops it again', async () => {
    await render();
    await openFilters();

    const unit = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.unit-input' }));
    await unit.enterText('城关');
    const options = await unit.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['城关街道江北区委']);
    await options[0]!.click();
    await settle();

    const request = expectLedger();
    expect(params(request)['unitId']).toEqual([STREET]);
    request.flush(aPage([aRow()], 1));
    await settle();
    expect(url()).toBe(`/ledger?unitId=${STREET}`);

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="清除单位"]' }))).click();
    await settle();
    expect(params(expectLedger())['unitId']).toBeUndefined();
  });

  it('offers the whole unit tree, indented, before anything is typed', async () => {
    await render();
    await openFilters();

    const unit = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.unit-input' }));
    await unit.focus();
    const options = await unit.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['江北区委', '组织部', '城关街道']);
    const indents = [...document.querySelectorAll<HTMLElement>('.unit-option')].map((each) => each.style.paddingInlineStart);
    expect(indents).toEqual(['0px', '16px', '16px']);
  });

  it('filters by a derived tag from the list and by a tag typed freely', async () => {
    await render();
    await openFilters();

    const grid = await loader.getHarness(MatChipGridHarness);
    const input = await grid.getInput();
    await input!.setValue('基层');
    const suggestions = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.tag-input' }));
    await suggestions.selectOption({ text: '基层经历' });
    await settle();
    let request = expectLedger();
    expect(params(request)['tag']).toEqual(['基层经历']);
    request.flush(aPage([aRow()], 1));
    await settle();

    await input!.setValue('乡村振兴');
    await input!.sendSeparatorKey(TestKey.ENTER);
    await settle();
    request = expectLedger();
    expect(params(request)['tag']).toEqual(['基层经历', '乡村振兴']);
    request.flush(aPage([], 0));
    await settle();
    expect(url()).toBe('/ledger?tag=基层经历&tag=乡村振兴');
  });

  it('refuses a tag longer than the server takes, saying why', async () => {
    await render();

    const input = await (await loader.getHarness(MatChipGridHarness)).getInput();
    await input!.setValue('一二三四五六七八九十一二三');
    await input!.sendSeparatorKey(TestKey.ENTER);
    await settle();

    expect(text()).toContain('标签不超过 12 个字');
  });

  it('searches names and posts once typing pauses', async () => {
    await render();

    const search = (await (await field('姓名或职务')).getControl(MatInputHarness))!;
    await search.setValue(' 副书记 ');
    expect(backend.match((request) => request.url === '/api/ledger')).toHaveSize(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle();

    const request = expectLedger();
    expect(params(request)['q']).toEqual(['副书记']);
    request.flush(aPage([aRow()], 1));
    await settle();
    expect(url()).toBe('/ledger?q=副书记');
  });

  it('sorts on the server by the header clicked, ascending then descending', async () => {
    await render('/ledger?page=1');

    const sort = await loader.getHarness(MatSortHarness);
    const [age] = await sort.getSortHeaders({ label: '年龄' });
    await age!.click();
    await settle();
    let request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ sort: ['age'], direction: ['asc'], page: ['0'] }));
    request.flush(aPage([SECOND, aRow()], 42));
    await settle();

    await age!.click();
    await settle();
    request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ sort: ['age'], direction: ['desc'] }));
    request.flush(aPage([aRow(), SECOND], 42));
    await settle();
    expect(url()).toBe('/ledger?sort=age&direction=desc');
  });

  it('only offers sorting by the columns the server sorts by', async () => {
    await render();

    const sortHeaders = await (await loader.getHarness(MatSortHarness)).getSortHeaders();
    const enabled = await Promise.all(sortHeaders.map(async (header) => ((await header.isDisabled()) ? null : header.getLabel())));
    expect(enabled.filter((label) => label !== null)).toEqual(['姓名', '年龄', '最高学历', '单位', '职务层次', '职级']);
  });

  it('pages on the server', async () => {
    await render();

    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    await settle();
    let request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ page: ['1'], size: ['20'] }));
    request.flush(aPage([aRow()], 42));
    await settle();

    await paginator.setPageSize(50);
    await settle();
    request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ page: ['0'], size: ['50'] }));
    request.flush(aPage([aRow()], 42));
    await settle();
    expect(url()).toBe('/ledger?size=50');
  });

  it('moves to the last page that has rows when the address points past the end', async () => {
    await render('/ledger?sex=女&page=9', aPage([], 45));

    const request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ sex: ['女'], page: ['2'] }));
    request.flush(aPage([aRow()], 45));
    await settle();
    expect(url()).toBe('/ledger?sex=女&page=2');
    expect(text()).not.toContain('没有符合筛选条件');
  });

  it('steps back to the previous filter with the back button', async () => {
    await render();
    await choose('性别', '女');
    expectLedger().flush(aPage([aRow()], 1));
    await settle();

    // The app's bootstrap starts the router listening to the browser's history; a test bed does not.
    TestBed.inject(Router).setUpLocationChangeListener();
    TestBed.inject(Location).back();
    await settle();

    const request = expectLedger();
    expect(params(request)['sex']).toBeUndefined();
    request.flush(aPage([aRow(), SECOND], 42));
    await settle();
    expect(await (await (await field('性别')).getControl(MatSelectHarness))!.getValueText()).toBe('');
    expect(text()).toContain('共 42 人');
  });

  it('says when no cadre matches, and clears the filters from there', async () => {
    await render('/ledger?sex=女&q=不存在&sort=age', aPage([], 0));

    expect(text()).toContain('没有符合筛选条件的干部。');
    expect(text()).toContain('共 0 人');
    const table = await loader.getHarness(MatTableHarness);
    await (await button('清除筛选', table)).click();
    await settle();

    const request = expectLedger();
    expect(params(request)).toEqual({ sort: ['age'], direction: ['asc'], page: ['0'], size: ['20'] });
    request.flush(aPage([aRow()], 1));
    await settle();
    expect(url()).toBe('/ledger?sort=age');
    expect(await (await (await field('姓名或职务')).getControl(MatInputHarness))!.getValue()).toBe('');
  });

  it('says the ledger is empty when there are no filters and no cadres', async () => {
    await render('/ledger', aPage([], 0));

    expect(text()).toContain('台账中还没有干部。');
    expect(text()).not.toContain('没有符合筛选条件');
  });

  it('shows why the page failed, with the request id, and tries again on request', async () => {
    await open();

    expectLedger().flush(aProblem(503, 'database_unavailable', { title: '数据库暂不可用', requestId: 'req-77' }), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await settle();
    expect(text()).toContain('数据库暂不可用');
    expect(text()).toContain('req-77');
    expect(text()).not.toContain('共 0 人');

    await (await button('重试')).click();
    await settle();
    expectLedger().flush(aPage([aRow()], 1));
    await settle();
    expect(text()).not.toContain('数据库暂不可用');
    expect(text()).toContain('共 1 人');
  });

  it('changes, orders and remembers the columns chosen', async () => {
    await render();

    await (await button('列设置')).click();
    expect(await (await overlays.getHarness(MatCheckboxHarness.with({ label: /^姓名/ }))).isDisabled()).toBeTrue();
    await (await overlays.getHarness(MatCheckboxHarness.with({ label: '民族' }))).check();
    await (await overlays.getHarness(MatButtonHarness.with({ selector: '[aria-label="将“民族”上移"]' }))).click();
    await (await overlays.getHarness(MatCheckboxHarness.with({ label: '性别' }))).uncheck();
    await (await button('应用', overlays)).click();
    await settle();

    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveSize(0);
    const expected = ['姓名', '年龄', '最高学历', '单位', '现任职务', '职务层次', '职级', '干部类别', '民族', '标签'];
    expect(await headers()).toEqual(['', ...expected]);
    expect(JSON.parse(localStorage.getItem('cadre.ledger.columns.65a000000000000000000001')!)).toEqual([
      'name', 'age', 'education', 'unitName', 'post', 'postLevel', 'rank', 'category', 'ethnicity', 'tags',
    ]);
  });

  it('opens with the columns this user chose before', async () => {
    localStorage.setItem('cadre.ledger.columns.65a000000000000000000001', JSON.stringify(['name', 'rank', 'age']));
    await render();

    expect(await headers()).toEqual(['', '姓名', '职级', '年龄']);
  });

  it('saves the current filters, sort and columns as a named view', async () => {
    await render('/ledger?sex=女&sort=age');

    await (await button('保存为视图')).click();
    const name = await overlays.getHarness(MatInputHarness.with({ ancestor: '.mat-mdc-dialog-container' }));
    await name.setValue('女干部名册');
    await (await button('保存', overlays)).click();

    const saved = backend.expectOne({ method: 'POST', url: '/api/ledger/views' });
    expect(saved.request.body).toEqual({
      name: '女干部名册',
      filter: { ...NO_FILTER, sex: ['女'] },
      sort: 'age',
      direction: 'asc',
      columns: DEFAULT_LEDGER_COLUMNS,
    });
    saved.flush(aView({ filter: { ...NO_FILTER, sex: ['女'] }, sort: 'age', direction: 'asc', columns: DEFAULT_LEDGER_COLUMNS }), {
      status: 201,
      statusText: 'Created',
    });
    await settle();

    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveSize(0);
    expect(await (await (await field('已保存的视图')).getControl(MatSelectHarness))!.getValueText()).toBe('女干部名册');
    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe('视图“女干部名册”已保存');
  });

  it("shows the server's verdict on a view's name in the form", async () => {
    await render();

    await (await button('保存为视图')).click();
    await (await overlays.getHarness(MatInputHarness.with({ ancestor: '.mat-mdc-dialog-container' }))).setValue('常用');
    await (await button('保存', overlays)).click();
    backend
      .expectOne({ method: 'POST', url: '/api/ledger/views' })
      .flush(aProblem(409, 'view_name_taken', { title: '名称重复', errors: [{ path: 'body.name', message: '已有同名视图“常用”' }] }), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();

    const name = await overlays.getHarness(MatFormFieldHarness.with({ floatingLabelText: '视图名称' }));
    expect(await name.getTextErrors()).toEqual(['已有同名视图“常用”']);
    expect(await overlays.getAllHarnesses(MatDialogHarness)).toHaveSize(1);
  });

  it('checks a view name before sending it', async () => {
    await render();

    await (await button('保存为视图')).click();
    await (await button('保存', overlays)).click();

    const name = await overlays.getHarness(MatFormFieldHarness.with({ floatingLabelText: '视图名称' }));
    expect(await name.getTextErrors()).toEqual(['视图名称不能为空']);
    backend.expectNone({ method: 'POST', url: '/api/ledger/views' });
  });

  it('applies a saved view: its filters, sort and columns', async () => {
    await render('/ledger', aPage([aRow(), SECOND], 42), { views: [aView()] });

    await choose('已保存的视图', '女干部名册');

    const request = expectLedger();
    expect(params(request)).toEqual(jasmine.objectContaining({ sex: ['女'], sort: ['age'], direction: ['desc'], page: ['0'] }));
    request.flush(aPage([aRow()], 1));
    await settle();
    expect(url()).toBe('/ledger?sex=女&sort=age&direction=desc');
    expect(await headers()).toEqual(['', '姓名', '年龄', '单位']);
    expect(text()).not.toContain('当前设置与视图不同');

    await choose('性别', '男');
    expectLedger().flush(aPage([], 0));
    await settle();
    expect(text()).toContain('当前设置与视图不同');
  });

  it('overwrites, renames and deletes the view in use', async () => {
    await render('/ledger', aPage([aRow()], 1), { views: [aView()] });
    await choose('已保存的视图', '女干部名册');
    expectLedger().flush(aPage([aRow()], 1));
    await settle();
    await choose('年龄段', '36-40岁');
    expectLedger().flush(aPage([aRow()], 1));
    await settle();

    let menu = await loader.getHarness(MatMenuHarness.with({ triggerText: '视图操作' }));
    await menu.clickItem({ text: '用当前设置覆盖' });
    const overwrite = backend.expectOne({ method: 'PUT', url: '/api/ledger/views/65d000000000000000000001' });
    expect(overwrite.request.body).toEqual({
      name: '女干部名册',
      filter: { ...NO_FILTER, sex: ['女'], ageBand: ['36-40岁'] },
      sort: 'age',
      direction: 'desc',
      columns: ['name', 'age', 'unitName'],
    });
    overwrite.flush(aView({ filter: { ...NO_FILTER, sex: ['女'], ageBand: ['36-40岁'] } }));
    await settle();
    expect(text()).not.toContain('当前设置与视图不同');

    menu = await loader.getHarness(MatMenuHarness.with({ triggerText: '视图操作' }));
    await menu.clickItem({ text: '重命名' });
    const name = await overlays.getHarness(MatInputHarness.with({ ancestor: '.mat-mdc-dialog-container' }));
    expect(await name.getValue()).toBe('女干部名册');
    await name.setValue('青年女干部');
    await (await button('保存', overlays)).click();
    const rename = backend.expectOne({ method: 'PUT', url: '/api/ledger/views/65d000000000000000000001' });
    expect(rename.request.body).toEqual(jasmine.objectContaining({ name: '青年女干部', filter: { ...NO_FILTER, sex: ['女'], ageBand: ['36-40岁'] } }));
    rename.flush(aView({ name: '青年女干部', filter: { ...NO_FILTER, sex: ['女'], ageBand: ['36-40岁'] } }));
    await settle();
    expect(await (await (await field('已保存的视图')).getControl(MatSelectHarness))!.getValueText()).toBe('青年女干部');

    menu = await loader.getHarness(MatMenuHarness.with({ triggerText: '视图操作' }));
    await menu.clickItem({ text: '删除视图' });
    const confirm = await overlays.getHarness(MatDialogHarness);
    expect(await confirm.getContentText()).toContain('确定删除视图“青年女干部”吗？');
    await (await button('删除视图', overlays)).click();
    backend.expectOne({ method: 'DELETE', url: '/api/ledger/views/65d000000000000000000001' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    const views = (await (await field('已保存的视图')).getControl(MatSelectHarness))!;
    expect(await views.getValueText()).toBe('');
    await views.open();
    expect(await Promise.all((await views.getOptions()).map((option) => option.getText()))).toEqual(['不使用视图']);
    expect(await loader.getAllHarnesses(MatMenuHarness.with({ triggerText: '视图操作' }))).toHaveSize(0);
  });

  it('exports the filtered view with its sort and columns to an Excel file', async () => {
    await render('/ledger?sex=女&tag=基层经历&sort=age&direction=desc&page=1');
    const save = spyOn(TestBed.inject(FileSaver), 'save');

    await (await button('导出 Excel')).click();
    const request = backend.expectOne((each) => each.url === '/api/ledger/export.xlsx');
    expect(request.request.responseType).toBe('blob');
    // The whole filtered view, in the table's order and columns: no page of it.
    expect(params(request)).toEqual({ sex: ['女'], tag: ['基层经历'], sort: ['age'], direction: ['desc'], columns: DEFAULT_LEDGER_COLUMNS });
    const workbook = new Blob(['xlsx'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    request.flush(workbook, { headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%B9%B2%E9%83%A8%E5%8F%B0%E8%B4%A6.xlsx" } });
    await settle();

    expect(save).toHaveBeenCalledOnceWith({ blob: jasmine.any(Blob), fileName: '干部台账.xlsx' });
    expect(await save.calls.mostRecent().args[0].blob.text()).toBe('xlsx');
  });

  it('does not ask for an export larger than the server allows, and says so', async () => {
    await render('/ledger', aPage([aRow()], 60_000));

    await (await button('导出 Excel')).click();
    await settle();

    backend.expectNone((each) => each.url === '/api/ledger/export.xlsx');
    expect(await (await overlays.getHarness(MatSnackBarHarness)).getMessage()).toBe(
      '当前筛选共 60000 人，超过单次导出上限 50000 人，请先缩小筛选范围。',
    );
  });

  it("shows the server's reason when it refuses an export", async () => {
    await render();
    const save = spyOn(TestBed.inject(FileSaver), 'save');

    await (await button('导出 Excel')).click();
    const problem = aProblem(422, 'export_too_large', { title: '导出行数过多', detail: '当前筛选共 51000 人，单次最多导出 50000 人' });
    backend
      .expectOne((each) => each.url === '/api/ledger/export.xlsx')
      .flush(new Blob([JSON.stringify(problem)], { type: 'application/problem+json' }), { status: 422, statusText: 'Unprocessable Entity' });
    // The problem is read from the blob asynchronously, outside what whenStable() waits for.
    const snackBar = await eventually(harness.fixture, () => overlays.getHarnessOrNull(MatSnackBarHarness), 'the export failure snack bar');

    expect(save).not.toHaveBeenCalled();
    expect(await snackBar.getMessage()).toBe(
      '导出失败：导出行数过多 当前筛选共 51000 人，单次最多导出 50000 人',
    );
    expect(await (await button('导出 Excel')).isDisabled()).toBeFalse();
  });

  it('exports the appointment forms of the selected cadres, across pages, as a zip', async () => {
    await render();
    const save = spyOn(TestBed.inject(FileSaver), 'save');

    const table = await loader.getHarness(MatTableHarness);
    const [, firstRow] = await table.getAllHarnesses(MatCheckboxHarness);
    await firstRow!.check();
    expect(text()).toContain('已选 1 人');
    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    await settle();
    expectLedger().flush(aPage([aRow({ id: '65c000000000000000000021', name: '赵敏' })], 42));
    await settle();
    const [pageBox] = await table.getAllHarnesses(MatCheckboxHarness);
    await pageBox!.check();
    expect(text()).toContain('已选 2 人');

    await (await button('导出任免审批表 (.lrmx)')).click();
    const request = backend.expectOne({ method: 'POST', url: '/api/cadres/lrmx-export' });
    expect(request.request.body).toEqual({ cadreIds: ['65c000000000000000000001', '65c000000000000000000021'] });
    request.flush(new Blob(['zip']), { headers: { 'Content-Disposition': 'attachment; filename="lrmx-2.zip"' } });
    await settle();

    expect(save).toHaveBeenCalledOnceWith({ blob: jasmine.any(Blob), fileName: 'lrmx-2.zip' });
    await (await button('取消选择')).click();
    expect(text()).not.toContain('已选');
  });

  it('offers neither export nor selection without the export permission', async () => {
    await render('/ledger', aPage([aRow()], 1), { me: aMe({ roles: ['assessor'] }) });

    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '导出 Excel' }))).toHaveSize(0);
    expect(await (await loader.getHarness(MatTableHarness)).getAllHarnesses(MatCheckboxHarness)).toHaveSize(0);
    expect((await headers())[0]).toBe('姓名');
  });

  it('folds the filters on a desktop too, so the table has the page', async () => {
    await render();
    expect(await (await loader.getHarness(MatExpansionPanelHarness)).isExpanded()).toBeFalse();
  });

  it('folds the filters away on a phone, with a count of those set', async () => {
    await open('/ledger?sex=女&rank=一级科员', { handset: true });
    expectLedger().flush(aPage([aRow()], 1));
    await settle();

    const panel = await loader.getHarness(MatExpansionPanelHarness);
    expect(await panel.isExpanded()).toBeFalse();
    expect(await panel.getDescription()).toBe('已设 2 项');
  });
});
