import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { computeIdNumberCheckDigit } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { CadreEditor } from './cadre-editor';
import { buildCadreForm } from './cadre-form';
import { RECORD_ID, UNIT_ID, aCadreRecord } from './cadre-record.fixture';

/** A valid number of a woman born on `yyyymmdd` (the fixture's 陈静 is a woman born 1986.04). */
function womansIdNumber(yyyymmdd: string): string {
  const first17 = `500240${yyyymmdd}002`;
  return first17 + computeIdNumberCheckDigit(first17);
}

describe('CadreEditor record checks across fields', () => {
  let fixture: ComponentFixture<CadreEditor>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(() => {
    backend = configureApiTestBed(provideRouter([]), provideNoopAnimations());
    spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });
  afterEach(() => backend.verify());

  async function open(): Promise<void> {
    signIn(aMe({ roles: ['unit_manager'], unitId: UNIT_ID }));
    fixture = TestBed.createComponent(CadreEditor);
    fixture.componentRef.setInput('id', RECORD_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne('/api/units').flush({ items: [] });
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aCadreRecord());
    await fixture.whenStable();
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(label: string, value: string): Promise<void> {
    const box = (await (await field(label)).getControl(MatInputHarness))!;
    await box.setValue(value);
    await box.blur();
  }

  async function errorsOf(label: string): Promise<string[]> {
    return (await field(label)).getTextErrors();
  }

  async function save(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
  }

  it('shows on 身份证号 a number whose birth date disagrees with 出生年月, and clears it once they agree', async () => {
    await open();

    await type('身份证号', womansIdNumber('19860512'));
    expect(await errorsOf('身份证号')).toEqual(['身份证号中的出生年月为 1986.05，与所填出生年月 1986.04 不一致']);
    await save();
    backend.expectNone({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` });

    await type('出生年月', '1986.05');
    expect(await errorsOf('身份证号')).toEqual([]);
    await save();
    const request = backend.expectOne({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` });
    expect(request.request.body).toEqual(jasmine.objectContaining({ birthMonth: '1986-05', idNumber: womansIdNumber('19860512') }));
    request.flush(aCadreRecord({ version: 5, birthMonth: '1986-05' }));
  });

  it('refuses months in the future on the box that holds them, 任现职时间 2030.01 among them', async () => {
    await open();

    await type('任现职时间', '2030.01');
    expect(await errorsOf('任现职时间')).toEqual(['任现职时间不能晚于本月（所填为 2030.01）']);
    await type('出生年月', '2099.01');
    expect(await errorsOf('出生年月')).toEqual(['出生年月不能晚于本月（所填为 2099.01）']);

    await save();
    backend.expectNone({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` });
    await type('任现职时间', '2021.03');
    expect(await errorsOf('任现职时间')).toEqual([]);
  });

  it('shows on 出生年月 the server’s refusal against the ID number on file, which the page cannot see', async () => {
    await open();
    await type('出生年月', '1986.05');

    await save();
    const message = '已登记的身份证号中的出生年月为 1986.04，与所填出生年月不一致';
    backend
      .expectOne({ method: 'PUT', url: `/api/cadres/${RECORD_ID}` })
      .flush(aProblem(400, 'validation_failed', { errors: [{ path: 'body.birthMonth', message }] }), { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(await errorsOf('出生年月')).toEqual([message]);
  });
});

describe('buildCadreForm record checks', () => {
  const now = () => new Date('2026-06-15T02:00:00Z');

  it('reads “this month” from the clock it is given', () => {
    const form = buildCadreForm(aCadreRecord(), now);
    form.controls.postStartMonth.setValue('2026.07');
    expect(form.controls.postStartMonth.errors).toEqual({ record: ['任现职时间不能晚于本月（所填为 2026.07）'] });
    form.controls.postStartMonth.setValue('2026.06');
    expect(form.controls.postStartMonth.errors).toBeNull();
    expect(form.valid).toBeTrue();
  });

  it('puts row problems on the row’s box and 简历 problems on the 简历 box', () => {
    const form = buildCadreForm(aCadreRecord(), now);
    form.controls.family.at(1).controls.birthMonth.setValue('2027.01');
    form.controls.annualAssessments.at(0).controls.year.setValue(2027);
    form.controls.resume.setValue('2021.03--2027.01  观音桥街道办事处副主任');
    expect(form.controls.family.at(1).controls.birthMonth.errors).toEqual({ record: ['出生年月 2027.01 晚于本月'] });
    expect(form.controls.annualAssessments.at(0).controls.year.errors).toEqual({ record: ['2027 年度的考核尚未进行，年度不能晚于今年'] });
    expect(form.controls.resume.errors?.['record']).toEqual(['简历第 1 段的结束年月 2027.01 晚于本月；仍在任的一段不写结束年月']);
    expect(form.invalid).toBeTrue();
  });
});
