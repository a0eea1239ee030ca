import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideI18n } from '../core/i18n/provide-i18n';
import { aFrameworkVersion } from './framework.fixture';
import { indicatorGroup, type IndicatorForm } from './framework-form';
import { IndicatorEditor } from './indicator-editor';

describe('IndicatorEditor', () => {
  let fixture: ComponentFixture<IndicatorEditor>;
  let loader: HarnessLoader;
  let group: IndicatorForm;

  beforeEach(async () => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideI18n(), provideNoopAnimations()] });
    group = indicatorGroup(aFrameworkVersion().dimensions[0]!.indicators[1]!);
    fixture = TestBed.createComponent(IndicatorEditor);
    fixture.componentRef.setInput('group', group);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  async function fields(label: string): Promise<MatFormFieldHarness[]> {
    return loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  it('adds and removes rubric levels and evidence bands', async () => {
    expect((await fields('等级')).length).toBe(2);
    await (await loader.getHarness(MatButtonHarness.with({ text: '添加等级' }))).click();
    expect((await fields('等级')).length).toBe(3);
    expect(group.controls.rubric.length).toBe(3);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="删除好"]' }))).click();
    expect(group.controls.rubric.getRawValue().map((level) => level.label)).toEqual(['一般', '']);

    await (await loader.getHarness(MatButtonHarness.with({ text: '添加分档' }))).click();
    // A new band starts above the last one, so band starts stay distinct.
    expect(group.controls.evidence.controls.bands.getRawValue()).toEqual([{ min: 0, score: 40 }, { min: 40, score: 100 }, { min: 41, score: 100 }]);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="删除起点 0"]' }))).click();
    expect(group.controls.evidence.controls.bands.length).toBe(2);
  });

  it('hides the bands when the indicator is scored from ratings alone', async () => {
    const source = (await (await fields('依据来源'))[0]!.getControl(MatSelectHarness))!;
    await source.open();
    await source.clickOptions({ text: '无（全部由评价计分）' });

    expect(await fields('起点')).toEqual([]);
    expect(group.controls.evidence.controls.source.value).toBeNull();
  });

  it('shows the schema’s message on a rubric score out of range', async () => {
    const [score] = await fields('分值');
    const input = (await score!.getControl(MatInputHarness))!;
    await input.setValue('120');
    await input.blur();

    expect(await score!.getTextErrors()).toEqual(['分值应在 0–100 之间']);
  });
});
