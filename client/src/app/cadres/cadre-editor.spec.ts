import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import type { CadreRecord, UnitWithVersion } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CadreEditor } from './cadre-editor';
import { RECORD_ID, UNIT_ID, aCadreRecord } from './cadre-record.fixture';

const OTHER_UNIT_ID = '65d000000000000000000009';

function aUnit(id: string, name: string, parentId: string | null): UnitWithVersion {
  return { id, name, code: `U-${id.slice(-2)}`, type: 'street', parentId, ancestorIds: parentId ? [parentId] : [], sortOrder: 0, version: 1 };
}

describe('CadreEditor', () => {
  let fixture: ComponentFixture<CadreEditor>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function open(id: string | undefined, record: CadreRecord = aCadreRecord()): Promise<void> {
    signIn(aMe({ roles: ['unit_manager'], unitId: UNIT_ID }));
    fixture = TestBed.createComponent(CadreEditor);
    if (id) fixture.componentRef.setInput('id', id);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne('/api/units').flush({ items: [aUnit(UNIT_ID, '观音桥街道', null), aUnit(OTHER_UNIT_ID, '华新街街道', null)] });
    if (id) backend.expectOne(`/api/cadres/${id}`).flush(record);
    await fixture.whenStable();
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function input(label: string): Promise<MatInputHarness> {
    return (await (await field(label)).getControl(MatInputHarness))!;
  }

  async function type(label: string, value: string): Promise<void> {
    const box = await input(label);
    await box.setValue(value);
    await box.blur();
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = (await (await field(label)).getControl(MatSelectHarness))!;
    await select.open();
    await select.clickOptions({ text: option });
  }

  async function errorsOf(label: string): Promise<string[]> {
    return (await field(label)).getTextErrors();
  }

  async function press(text: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  }

  async function save(): Promise<void> {
    await press('保存');
  }

  function expectPut(): TestRequest {
    return backend.expectOne({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` });
  }

  function alerts(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[role=alert]'), (node) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  it('fills the form from the record, months as the form writes them', async () => {
    await open(RECORD_ID);

    expect(await (await input('姓名')).getValue()).toBe('陈静');
    expect(await (await input('出生年月')).getValue()).toBe('1986.04');
    expect(await (await input('身份证号')).getValue()).toBe('');
    expect(await (await field('身份证号')).getTextHints()).toEqual(['已登记 500240********2026；留空则保持不变，填写则替换']);
    const unit = (await (await field('所在单位')).getControl(MatSelectHarness))!;
    expect(await unit.getValueText()).toBe('观音桥街道');
  });

  it('checks fields as they are typed with the shared rules: ID checksum, months, required names', async () => {
    await open(RECORD_ID);

    await type('身份证号', '110105194912310021');
    expect(await errorsOf('身份证号')).toEqual(['身份证号校验码错误，应为 X']);
    await type('身份证号', '11010519491231002x');
    // The number itself is valid now; what remains is that it disagrees with 出生年月 (1986.04).
    expect(await errorsOf('身份证号')).toEqual(['身份证号中的出生年月为 1949.12，与所填出生年月 1986.04 不一致']);

    await type('出生年月', '1986.13');
    expect(await errorsOf('出生年月')).toEqual(['“1986.13”不是有效的年月，应如 1986.04']);
    await type('姓名', '陈');
    expect(await errorsOf('姓名')).toEqual(['姓名至少 2 个字']);
  });

  it('sends nothing while a field is wrong, and says how many need attention', async () => {
    await open(RECORD_ID);
    await type('姓名', '');
    await type('现任职务', '');

    await save();

    expect(alerts()).toContain('还有 2 处需要修改，请查看标红的字段');
    backend.expectNone({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` });
  });

  it('saves with the version it was based on and goes to the portrait', async () => {
    await open(RECORD_ID);
    await type('现任职务', '观音桥街道办事处主任');
    await choose('职务层次', '乡科级正职');

    await save();
    const request = expectPut();
    expect(request.request.body).toEqual(
      jasmine.objectContaining({ version: 4, post: '观音桥街道办事处主任', postLevel: '乡科级正职', birthMonth: '1986-04', idNumber: null }),
    );
    request.flush(aCadreRecord({ version: 5, post: '观音桥街道办事处主任', postLevel: '乡科级正职' }));
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/cadres', RECORD_ID]);
  });

  it('parses the 简历 text live and sends the entries it yields', async () => {
    await open(RECORD_ID);
    const resume = await input('简历（每行一段经历）');
    await resume.setValue('2005.09--2009.07  西南大学学习\n2009.07--  南宾镇科员\n后调入区发改委');

    const preview = (fixture.nativeElement as HTMLElement).querySelector('.resume-preview')!;
    expect(preview.querySelector('h3')?.textContent).toBe('已识别 2 段经历');
    expect(preview.querySelector('[role=alert]')?.textContent).toContain('后调入区发改委');

    await save();
    const request = expectPut();
    expect(request.request.body.positions).toEqual([
      { start: '2005-09', end: '2009-07', text: '西南大学学习' },
      { start: '2009-07', end: null, text: '南宾镇科员' },
    ]);
    request.flush(aCadreRecord({ version: 5 }));
  });

  describe('when someone else saved first', () => {
    // They changed 现任职务 (as I did, differently) and 职级; I also changed 专业技术职务 and the 简历.
    const current = aCadreRecord({
      version: 6,
      post: '观音桥街道党工委副书记',
      rank: '四级调研员',
      updatedAt: '2025-03-05T02:00:00.000Z',
    });

    async function saveIntoConflict(): Promise<void> {
      await type('现任职务', '我的修改');
      await type('专业技术职务', '高级经济师');
      await save();
      expectPut().flush(aProblem(409, 'version_conflict', { title: '记录已被他人修改', current }), { status: 409, statusText: 'Conflict' });
      await fixture.whenStable();
    }

    function panel(): HTMLElement {
      return (fixture.nativeElement as HTMLElement).querySelector('.conflict')!;
    }

    async function side(field: string, choice: '保留我的' | '采用对方的'): Promise<void> {
      const group = await loader.getHarness(MatRadioGroupHarness.with({ selector: `[aria-label="${field}"]` }));
      await (await group.getRadioButtons({ label: new RegExp(`^${choice}`) }))[0]!.check();
    }

    it('lists only the fields both changed, each with both values, and says what is merged silently', async () => {
      await open(RECORD_ID);
      await saveIntoConflict();

      expect(panel().querySelector('h2')?.textContent).toBe('已被他人修改');
      const clashes = Array.from(panel().querySelectorAll('fieldset'), (set) => ({
        field: set.querySelector('legend')?.textContent,
        values: Array.from(set.querySelectorAll('.side-value'), (value) => value.textContent),
      }));
      expect(clashes).toEqual([{ field: '现任职务', values: ['我的修改', '观音桥街道党工委副书记'] }]);
      expect(Array.from(panel().querySelectorAll('.merge-note'), (note) => note.textContent)).toEqual([
        '将采用对方对以下字段的修改：职级',
        '将保留您对以下字段的修改：专业技术职务',
      ]);
      expect(panel().textContent).toContain('还有 1 个字段未选择');
      expect(await (await loader.getHarness(MatButtonHarness.with({ text: '合并并保存' }))).isDisabled()).toBeTrue();
      expect(await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).isDisabled()).toBeTrue();
      expect(panel().textContent).not.toContain('载入最新内容');
    });

    const picks: Array<[choice: '保留我的' | '采用对方的', post: string]> = [
      ['保留我的', '我的修改'],
      ['采用对方的', '观音桥街道党工委副书记'],
    ];
    for (const [choice, post] of picks) {
      it(`${choice}: saves against the new version with their 职级 and my 专业技术职务 kept`, async () => {
        await open(RECORD_ID);
        await saveIntoConflict();

        await side('现任职务', choice);
        await press('合并并保存');

        const retry = expectPut();
        expect(retry.request.body).toEqual(
          jasmine.objectContaining({ version: 6, post, rank: '四级调研员', professionalTitle: '高级经济师', positions: current.positions }),
        );
        retry.flush(aCadreRecord({ version: 7, post, rank: '四级调研员', professionalTitle: '高级经济师' }));
        await fixture.whenStable();
        expect(panel()).toBeNull();
        expect(navigate).toHaveBeenCalledWith(['/cadres', RECORD_ID]);
      });
    }

    it('compares a list as a whole: a 简历 changed on both sides is one choice', async () => {
      await open(RECORD_ID);
      const resume = await (await field('简历（每行一段经历）')).getControl(MatInputHarness);
      expect(resume).withContext('the 简历 box').not.toBeNull();
      await resume!.setValue('2005.09—2009.07 西南大学学习');
      const theirs = aCadreRecord({ version: 6, positions: [{ start: '2009-07', end: null, text: '南宾镇科员' }] });

      await save();
      expectPut().flush(aProblem(409, 'version_conflict', { current: theirs }), { status: 409, statusText: 'Conflict' });
      await fixture.whenStable();

      const legends = Array.from(panel().querySelectorAll('legend'), (legend) => legend.textContent);
      expect(legends).toEqual(['简历']);
      await side('简历', '采用对方的');
      await press('合并并保存');
      const retry = expectPut();
      expect(retry.request.body.positions).toEqual(theirs.positions);
      retry.flush(theirs);
    });
  });

  describe('unsaved changes', () => {
    function editor(): CadreEditor {
      return fixture.componentInstance;
    }

    /** Closing the tab; dispatched on window it would also reach Karma, which takes it for a reload. */
    function unload(): BeforeUnloadEvent {
      const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
      (editor() as unknown as { warnBeforeUnload(event: BeforeUnloadEvent): void }).warnBeforeUnload(event);
      return event;
    }

    it('has none when opened, some once a field is typed, and none again when it is typed back', async () => {
      await open(RECORD_ID);
      expect(editor().hasUnsavedChanges()).toBeFalse();
      expect(unload().defaultPrevented).toBeFalse();

      await type('现任职务', '观音桥街道办事处主任');
      expect(editor().hasUnsavedChanges()).toBeTrue();
      expect(unload().defaultPrevented).withContext('closing the tab asks').toBeTrue();

      await type('现任职务', '观音桥街道办事处副主任');
      expect(editor().hasUnsavedChanges()).toBeFalse();
    });

    it('counts a removed photo as a change', async () => {
      await open(RECORD_ID, aCadreRecord({ hasPhoto: true }));
      backend.expectOne(`/api/cadres/${RECORD_ID}/photo`).flush(new Blob());
      await (await loader.getHarness(MatButtonHarness.with({ text: '移除照片' }))).click();
      expect(editor().hasUnsavedChanges()).toBeTrue();
    });

    it('counts a removed row as a change', async () => {
      await open(RECORD_ID);
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="删除第 1 行"]' }))).click();
      expect(editor().hasUnsavedChanges()).toBeTrue();
    });

    it('has none on a new record until something is typed', async () => {
      await open(undefined);
      expect(editor().hasUnsavedChanges()).toBeFalse();
      await type('姓名', '李明');
      expect(editor().hasUnsavedChanges()).toBeTrue();
    });

    it('has none once the save succeeded, so the way to the portrait is not questioned', async () => {
      await open(RECORD_ID);
      await type('现任职务', '观音桥街道办事处主任');
      await save();
      expectPut().flush(aCadreRecord({ version: 5, post: '观音桥街道办事处主任' }));
      await fixture.whenStable();

      expect(editor().hasUnsavedChanges()).toBeFalse();
      expect(unload().defaultPrevented).toBeFalse();
    });

    it('still has them after a refused save, and after merging a conflict until it is saved', async () => {
      await open(RECORD_ID);
      await type('现任职务', '观音桥街道办事处主任');
      await save();
      expectPut().flush(aProblem(409, 'version_conflict', { current: aCadreRecord({ version: 6, rank: '四级调研员' }) }), {
        status: 409,
        statusText: 'Conflict',
      });
      await fixture.whenStable();
      expect(editor().hasUnsavedChanges()).toBeTrue();

      await press('合并并保存');
      const retry = expectPut();
      expect(editor().hasUnsavedChanges()).withContext('while the merged save is under way').toBeTrue();
      retry.flush(aProblem(500, 'internal'), { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();
      expect(editor().hasUnsavedChanges()).toBeTrue();
    });
  });

  it('shows the server’s field messages under the fields they name', async () => {
    await open(RECORD_ID);
    // A woman born in April 1986, as the record says.
    await type('身份证号', '500240198604120027');

    await save();
    expectPut().flush(
      aProblem(400, 'validation_failed', { errors: [{ path: 'body.idNumber', message: '身份证号已登记在 王芳 的档案中' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(await errorsOf('身份证号')).toEqual(['身份证号已登记在 王芳 的档案中']);
  });

  it('creates a new cadre from the same form, in the manager’s own unit by default', async () => {
    await open(undefined);
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('新增干部');

    await type('姓名', '李明');
    await choose('性别', '男');
    await type('出生年月', '199001');
    await type('参加工作时间', '2012.07');
    await type('现任职务', '观音桥街道办事处科员');
    await choose('职务层次', '非领导职务');
    await choose('职级', '一级科员');
    await type('任现职时间', '2020.01');
    await choose('干部类别', '综合管理类');
    await choose('任用方式', '委任');

    await press('创建');
    const request = backend.expectOne({ method: 'POST', url: '/api/cadres' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({ name: '李明', sex: '男', birthMonth: '1990-01', unitId: UNIT_ID, ethnicity: '汉族', positions: [] }),
    );
    expect(request.request.body.version).toBeUndefined();
    request.flush(aCadreRecord({ id: '65c0000000000000000000aa', name: '李明' }));
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith(['/cadres', '65c0000000000000000000aa']);
  });

  it('deletes only after confirmation, with the version it was shown', async () => {
    await open(RECORD_ID);

    await press('删除档案');
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain('确定删除 陈静 的干部档案吗？');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '删除档案' }))).click();
    await fixture.whenStable();

    const request = backend.expectOne((r) => r.method === 'DELETE' && r.url === `/api/cadres/${RECORD_ID}`);
    expect(request.request.params.get('version')).toBe('4');
    request.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('after a delete refused for an old version, shows the latest record and deletes only when asked again', async () => {
    await open(RECORD_ID);
    await type('专业技术职务', '我的改动');

    await press('删除档案');
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '删除档案' }))).click();
    await fixture.whenStable();
    backend
      .expectOne((r) => r.method === 'DELETE')
      .flush(aProblem(409, 'version_conflict', { current: aCadreRecord({ version: 7, professionalTitle: '对方的职称' }) }), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).textContent).toContain('陈静 的档案刚被他人修改，未删除');
    expect(await (await input('专业技术职务')).getValue()).toBe('对方的职称');
    expect((fixture.nativeElement as HTMLElement).querySelector('cadre-edit-conflict-panel')).toBeNull();

    await press('删除档案');
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '删除档案' }))).click();
    await fixture.whenStable();
    const again = backend.expectOne((r) => r.method === 'DELETE');
    expect(again.request.params.get('version')).toBe('7');
    again.flush(null, { status: 204, statusText: 'No Content' });
  });

  describe('photo', () => {
    async function pick(file: File): Promise<void> {
      const picker = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      picker.files = transfer.files;
      picker.dispatchEvent(new Event('change'));
    }

    /** The file's first bytes are read asynchronously: waits until the page shows the outcome. */
    async function until(shown: () => boolean): Promise<void> {
      for (let attempt = 0; attempt < 100 && !shown(); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await fixture.whenStable();
      }
    }

    const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];

    it('refuses a file that is not a JPEG, or one over 2 MB', async () => {
      await open(RECORD_ID);

      await pick(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }));
      await until(() => alerts().includes('照片须为 JPEG 格式'));
      expect(alerts()).toContain('照片须为 JPEG 格式');

      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(JPEG_HEAD);
      await pick(new File([big], 'photo.jpg', { type: 'image/jpeg' }));
      await until(() => alerts().includes('照片为 2.0 MB，不能超过 2 MB'));
      expect(alerts()).toContain('照片为 2.0 MB，不能超过 2 MB');
      expect(alerts()).not.toContain('照片须为 JPEG 格式');
    });

    it('uploads a picked JPEG as raw bytes once the record is saved', async () => {
      await open(RECORD_ID);
      const jpeg = new File([new Uint8Array([...JPEG_HEAD, 1, 2, 3])], 'photo.jpg', { type: 'image/jpeg' });
      await pick(jpeg);
      await until(() => (fixture.nativeElement as HTMLElement).querySelector('cadre-photo img') !== null);
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('照片将在保存档案时一并保存');

      await save();
      expectPut().flush(aCadreRecord({ version: 5 }));
      await fixture.whenStable();

      const upload = backend.expectOne({ method: 'PUT', url: `/api/cadres/${RECORD_ID}/photo` });
      expect(upload.request.headers.get('Content-Type')).toBe('image/jpeg');
      expect(upload.request.body).toBe(jpeg);
      upload.flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/cadres', RECORD_ID]);
    });
  });
});
