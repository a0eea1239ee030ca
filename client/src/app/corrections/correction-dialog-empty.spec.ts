import type { HttpTestingController } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { I18n } from '../core/i18n/i18n';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { RECORD_ID, aCadreRecord } from '../cadres/cadre-record.fixture';
import { OwnCorrections } from './own-corrections';

/**
 * The correction dialog submitted empty on a phone once showed zod's raw words
 * (`Invalid option: expected one of "name"|…`); every message now comes from the shared
 * formatting in the interface language. The phone width is covered by the e2e journey.
 */
describe('CorrectionDialog submitted empty', () => {
  let fixture: ComponentFixture<OwnCorrections>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = configureApiTestBed(provideNoopAnimations());
    signIn(aMe({ roles: ['cadre'], cadreId: RECORD_ID }));
  });
  afterEach(() => {
    backend.verify();
    TestBed.inject(I18n).setLanguage('zh-CN');
  });

  async function submitEmpty(): Promise<string> {
    fixture = TestBed.createComponent(OwnCorrections);
    fixture.componentRef.setInput('record', aCadreRecord());
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/corrections').flush({ items: [], total: 0 });
    await fixture.whenStable();
    await (await loader.getAllHarnesses(MatButtonHarness)).at(0)!.click();
    const dialog = await root.getHarness(MatDialogHarness);
    const buttons = await dialog.getAllHarnesses(MatButtonHarness);
    await buttons.at(-1)!.click();
    backend.expectNone({ method: 'POST', url: `/api/cadres/${RECORD_ID}/corrections` });
    return Array.from(document.querySelectorAll('mat-dialog-container mat-error'), (error) => error.textContent?.trim() ?? '').join('；');
  }

  it('shows Chinese messages only, naming no field code or enum value', async () => {
    const errors = await submitEmpty();

    expect(errors).toContain('请选择');
    expect(errors).not.toMatch(/[A-Za-z"|_]/);
  });

  it('in English shows English messages, still without raw values', async () => {
    TestBed.inject(I18n).setLanguage('en');
    const errors = await submitEmpty();

    expect(errors).toContain('Please choose one');
    expect(errors).not.toMatch(/"name"|nativePlace|Invalid option/);
  });
});
