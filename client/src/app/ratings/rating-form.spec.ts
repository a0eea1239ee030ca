import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import type { RatingForm } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { eventually } from '../../testing/eventually';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CYCLE_ID, RATEE_ID, aRaterTask, aRatingForm } from './rating.fixture';
import { AUTOSAVE_DELAY_MS, RatingFormPage } from './rating-form';

const FORM_URL = `/api/cycles/${CYCLE_ID}/ratings/${RATEE_ID}/peer`;

describe('RatingFormPage', () => {
  let fixture: ComponentFixture<RatingFormPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function open(): Promise<void> {
    signIn(aMe({ roles: ['cadre'], cadreId: '65c000000000000000000099' }));
    fixture = TestBed.createComponent(RatingFormPage);
    fixture.componentRef.setInput('cycleId', CYCLE_ID);
    fixture.componentRef.setInput('rateeId', RATEE_ID);
    fixture.componentRef.setInput('group', 'peer');
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  async function openWith(form: RatingForm = aRatingForm()): Promise<void> {
    await open();
    backend.expectOne(FORM_URL).flush(form);
    await fixture.whenStable();
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function textOf(selector: string): string {
    return page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  async function rate(index: number, label: string): Promise<void> {
    const groups = await loader.getAllHarnesses(MatRadioGroupHarness);
    await groups[index]!.checkRadioButton({ label: new RegExp(`^${label}`) });
  }

  async function press(text: string): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text }))).click();
  }

  it('shows each dimension’s indicators with their rubric levels, the anonymity notice and the progress', async () => {
    await openWith();

    expect(textOf('h1')).toBe('对 李强 的测评');
    expect(textOf('.notice')).toBe('本表匿名，提交后无法与您关联。');
    expect(textOf('.progress')).toBe('已评 0/3 项');
    expect(Array.from(page().querySelectorAll('.dimension h2'), (h) => h.textContent)).toEqual(['政治素质', '实干实绩']);
    const groups = await loader.getAllHarnesses(MatRadioGroupHarness);
    expect(groups.length).toBe(3);
    const levels = await groups[0]!.getRadioButtons();
    expect(await Promise.all(levels.map((level) => level.getLabelText()))).toEqual(['好表现突出', '较好表现良好', '一般']);
  });

  it('tells a named rater that the form carries their name', async () => {
    await openWith(aRatingForm({ task: aRaterTask({ group: 'superior', anonymous: false }) }));

    expect(textOf('.notice')).toBe('本表实名：本组评价人名单公开，人数较少时评价结果可对应到您。');
  });

  it('counts what is rated and saves the draft a moment after the rater stops', async () => {
    await openWith();

    await rate(0, '较好');
    await rate(1, '好');
    expect(textOf('.progress')).toBe('已评 2/3 项');
    expect(textOf('.save-state')).toBe('有未保存的修改');
    backend.expectNone(`${FORM_URL}/draft`);

    const request = await eventually(fixture, () => backend.match(`${FORM_URL}/draft`)[0], 'the draft save', AUTOSAVE_DELAY_MS * 10);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ scores: { political_loyalty: 85, task_completion: 95, innovation: null }, comment: '' });
    expect(textOf('.save-state')).toBe('正在保存…');
    request.flush(aRatingForm({ draft: request.request.body as RatingForm['draft'] }));
    await fixture.whenStable();
    expect(textOf('.save-state')).toBe('已保存');
  });

  it('says so when a draft could not be saved', async () => {
    await openWith();
    await rate(2, '一般');

    const request = await eventually(fixture, () => backend.match(`${FORM_URL}/draft`)[0], 'the draft save', AUTOSAVE_DELAY_MS * 10);
    request.flush(aProblem(503, 'database_unavailable'), { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();

    expect(textOf('.save-state')).toBe('保存失败，将在下次修改时重试');
  });

  it('starts from the saved draft', async () => {
    await openWith(aRatingForm({ task: aRaterTask({ state: 'draft' }), draft: { scores: { task_completion: 70 }, comment: '踏实肯干' } }));

    expect(textOf('.progress')).toBe('已评 1/3 项');
    expect(textOf('.save-state')).toBe('已保存');
    const groups = await loader.getAllHarnesses(MatRadioGroupHarness);
    expect(await (await groups[1]!.getCheckedRadioButton())?.getLabelText()).toBe('一般');
    expect(await (await loader.getHarness(MatInputHarness)).getValue()).toBe('踏实肯干');
  });

  it('refuses to submit while indicators are unrated and names how many', async () => {
    await openWith();
    await rate(0, '好');

    await press('提交');

    expect(textOf('.alert')).toBe('还有 2 项未评，请评完后再提交。');
    expect(page().querySelectorAll('.indicator .error').length).toBe(2);
    expect(await root.getAllHarnesses(MatDialogHarness)).toEqual([]);
  });

  it('asks before submitting, which cannot be undone, then posts the ballot and returns to the list', async () => {
    await openWith();
    await rate(0, '好');
    await rate(1, '较好');
    await rate(2, '一般');
    await (await loader.getHarness(MatInputHarness)).setValue('工作扎实');

    await press('提交');
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('提交后不能修改');
    await (await dialog.getHarness(MatButtonHarness.with({ text: '提交' }))).click();

    const request = backend.expectOne({ method: 'POST', url: FORM_URL });
    expect(request.request.body).toEqual({ scores: { political_loyalty: 95, task_completion: 85, innovation: 70 }, comment: '工作扎实' });
    request.flush(aRaterTask({ state: 'submitted' }));
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/my-ratings');
    expect(await (await root.getHarness(MatSnackBarHarness)).getMessage()).toBe('测评表已提交');
    // The autosave stopped with the submission: no draft follows the ballot.
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 100));
    backend.expectNone(`${FORM_URL}/draft`);
  });

  it('shows why a submission was refused and keeps the answers', async () => {
    await openWith();
    for (const index of [0, 1, 2]) await rate(index, '好');
    await press('提交');
    await (await (await root.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: '提交' }))).click();

    backend
      .expectOne({ method: 'POST', url: FORM_URL })
      .flush(aProblem(409, 'cycle_not_open', { title: '测评已结束', detail: '该考核已结束测评，不能再提交' }), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(textOf('.alert')).toBe('该考核已结束测评，不能再提交');
    expect(textOf('.progress')).toBe('已评 3/3 项');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows a submitted form read-only', async () => {
    await openWith(aRatingForm({ task: aRaterTask({ state: 'submitted' }), draft: { scores: { political_loyalty: 95 }, comment: '' } }));

    expect(page().textContent).toContain('本表已提交，不能修改。');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: '提交' }))).toEqual([]);
    expect(await (await loader.getAllHarnesses(MatRadioGroupHarness))[0]!.getRadioButtons().then((levels) => levels[0]!.isDisabled())).toBeTrue();
  });

  it('shows why the form could not be loaded', async () => {
    await open();
    backend.expectOne(FORM_URL).flush(aProblem(404, 'not_found', { title: '没有这张测评表' }), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(page().textContent).toContain('没有这张测评表');
    await press('重试');
    backend.expectOne(FORM_URL).flush(aRatingForm());
    await fixture.whenStable();
    expect(textOf('h1')).toBe('对 李强 的测评');
  });
});
