import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { provideRouter } from '@angular/router';
import { isObservable, type Observable } from 'rxjs';
import { configureApiTestBed } from '../../testing/api-test-bed';
import { aMe, signIn } from '../../testing/me';
import { confirmLeavingUnsaved, type HoldsUnsavedChanges } from './unsaved-changes-guard';

@Component({ selector: 'cadre-test-host', template: '' })
class Host {}

describe('confirmLeavingUnsaved', () => {
  let root: HarnessLoader;
  let host: ComponentFixture<Host>;

  beforeEach(() => {
    configureApiTestBed(provideRouter([]), provideNoopAnimations());
    host = TestBed.createComponent(Host);
    root = TestbedHarnessEnvironment.documentRootLoader(host);
  });

  function leave(unsaved: boolean): boolean | Observable<boolean> {
    const page: HoldsUnsavedChanges = { hasUnsavedChanges: () => unsaved };
    const result = TestBed.runInInjectionContext(() =>
      confirmLeavingUnsaved(page, {} as ActivatedRouteSnapshot, {} as RouterStateSnapshot, {} as RouterStateSnapshot),
    );
    return result as boolean | Observable<boolean>;
  }

  async function answer(unsaved: boolean, button: string): Promise<boolean> {
    const result = leave(unsaved);
    if (!isObservable(result)) throw new Error('expected the guard to ask');
    let outcome: boolean | undefined;
    result.subscribe((value) => (outcome = value));
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('离开编辑页面？');
    expect(await dialog.getContentText()).toBe('您的修改尚未保存，离开后将丢失。');
    await (await dialog.getHarness(MatButtonHarness.with({ text: button }))).click();
    await host.whenStable();
    expect(outcome).withContext('the dialog answered').toBeDefined();
    return outcome!;
  }

  it('lets a page without unsaved changes go without asking', () => {
    signIn(aMe());
    expect(leave(false)).toBeTrue();
  });

  it('stays when the person cancels', async () => {
    signIn(aMe());
    expect(await answer(true, '取消')).toBeFalse();
  });

  it('leaves when the person confirms', async () => {
    signIn(aMe());
    expect(await answer(true, '放弃修改并离开')).toBeTrue();
  });

  it('does not stand in the way of the login page once the session ended', () => {
    expect(leave(true)).toBeTrue();
  });
});
