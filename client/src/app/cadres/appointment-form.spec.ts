import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AppointmentFormFieldsSchema } from '@cadre/shared-models';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, aProblem, signIn } from '../../testing/me';
import { AppointmentForm } from './appointment-form';
import { RECORD_ID, aCadreRecord } from './cadre-record.fixture';

describe('AppointmentForm', () => {
  let fixture: ComponentFixture<AppointmentForm>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = configureApiTestBed(provideRouter([]));
    signIn(aMe({ roles: ['org_admin'] }));
    fixture = TestBed.createComponent(AppointmentForm);
    fixture.componentRef.setInput('id', RECORD_ID);
    await fixture.whenStable();
  });
  afterEach(() => backend.verify());

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  /** The cell right of a label cell, as the form is read. */
  function valueBeside(sheet: Element, label: string): string | undefined {
    const cell = Array.from(sheet.querySelectorAll('th')).find((th) => th.textContent?.trim() === label);
    return cell?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim();
  }

  async function show(overrides: Parameters<typeof aCadreRecord>[0] = {}): Promise<Element[]> {
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aCadreRecord(overrides));
    await fixture.whenStable();
    return Array.from(page().querySelectorAll('.sheet'));
  }

  it('renders the form as two sheets, the facts on page 1 with the age counted at 计算年龄时间', async () => {
    const [first, second] = await show();

    expect(page().querySelectorAll('.sheet').length).toBe(2);
    expect(first!.querySelector('.form-title')?.textContent).toBe('干部任免审批表');
    expect(valueBeside(first!, '姓名')).toBe('陈静');
    expect(valueBeside(first!, '出生年月（岁）')).toBe('1986.04（38岁）');
    expect(valueBeside(first!, '入党时间')).toBe('2008.06');
    expect(valueBeside(first!, '全日制教育')).toBe('大学本科 学士');
    expect(valueBeside(first!, '在职教育')).toBe('研究生 硕士');
    expect(valueBeside(first!, '现任职务')).toBe('观音桥街道办事处副主任');
    expect(Array.from(first!.querySelectorAll('.resume-line .period'), (node) => node.textContent)).toEqual([
      '2005.09--2009.07',
      '2009.07--2015.02',
      '2015.02--2021.03',
      '2021.03--',
    ]);
    expect(second!.textContent).not.toContain('干部任免审批表');
  });

  it('puts rewards, assessments, reasons, the family with their ages and the submitting unit on page 2', async () => {
    const [, second] = await show({
      appointmentForm: AppointmentFormFieldsSchema.parse({
        ageReferenceDate: '20250301',
        appointmentReason: '工作需要',
        submittingUnit: '中共江北区委组织部',
        filledBy: '王敏',
        fillDate: '20250302',
      }),
    });

    expect(valueBeside(second!, '奖惩情况')).toBe('2019.12 被评为江北区优秀共产党员 诫勉谈话');
    expect(valueBeside(second!, '年度考核结果')).toBe('2023年度称职；2024年度优秀');
    expect(valueBeside(second!, '任免理由')).toBe('工作需要');
    const family = Array.from(second!.querySelectorAll('.family-row'), (row) => Array.from(row.children, (cell) => cell.textContent?.trim()));
    expect(family.slice(0, 2)).toEqual([
      ['丈夫', '刘洋', '40', '中共党员', '江北区教委科员'],
      ['女儿', '刘欣然', '10', '群众', '观音桥小学学生'],
    ]);
    expect(family.length).toBe(7);
    expect(valueBeside(second!, '呈报单位')).toContain('中共江北区委组织部');
    expect(Array.from(second!.querySelectorAll('.filled-by span'), (span) => span.textContent)).toEqual(['填表人：王敏', '填表时间：2025.03.02']);
  });

  it('prints each sheet on its own A4 page', async () => {
    const [first] = await show();

    expect(first).toBeDefined();
    const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules));
    const page = rules.find((rule): rule is CSSPageRule => rule instanceof CSSPageRule && rule.style.getPropertyValue('margin') === '0px');
    expect(page?.style.getPropertyValue('size').toLowerCase()).toBe('a4');
    const print = rules.find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print' && rule.cssText.includes('break-after: page'));
    expect(print).toBeDefined();
  });

  it('shows the no-access page for a record outside the caller’s scope', async () => {
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aProblem(403, 'out_of_scope'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    expect(page().querySelector('h1')?.textContent).toBe('无权访问');
    expect(page().querySelector('.sheet')).toBeNull();
  });

  it('shows 档案不存在 for a record that does not exist', async () => {
    backend.expectOne(`/api/cadres/${RECORD_ID}`).flush(aProblem(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(page().querySelector('h1')?.textContent).toBe('档案不存在');
    expect(page().querySelector('.sheet')).toBeNull();
  });
});
