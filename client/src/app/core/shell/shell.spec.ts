import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { MatToolbarHarness } from '@angular/material/toolbar/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { Shell } from './shell';

function viewport(handset: boolean): Partial<BreakpointObserver> {
  const state: BreakpointState = { matches: handset, breakpoints: {} };
  return { observe: () => of(state), isMatched: () => handset };
}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let loader: HarnessLoader;

  async function render(handset: boolean): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideNoopAnimations(),
        { provide: BreakpointObserver, useValue: viewport(handset) },
      ],
    });
    fixture = TestBed.createComponent(Shell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  function menuButton(): Promise<MatButtonHarness[]> {
    return loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-controls="main-navigation"]' }));
  }

  beforeEach(() => localStorage.removeItem('cadre.language'));
  afterEach(() => localStorage.removeItem('cadre.language'));

  it('names the product in Chinese and marks the data as a fictional demo', async () => {
    await render(false);

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([jasmine.stringContaining('江北区干部能力现代化平台')]);
    const notice = await loader.getHarness(MatChipHarness);
    expect(await notice.getText()).toBe('示例数据，纯属虚构');
    expect(TestBed.inject(Title).getTitle()).toBe('江北区干部能力现代化平台');
  });

  it('docks the navigation beside the content on a desktop, without a menu button', async () => {
    await render(false);

    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('side');
    expect(await sidenav.isOpen()).toBeTrue();
    expect(await menuButton()).toHaveSize(0);
  });

  it('hides the navigation behind a menu button on a phone and closes it after a link is chosen', async () => {
    await render(true);

    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBeFalse();

    const [button] = await menuButton();
    await button!.click();
    expect(await sidenav.isOpen()).toBeTrue();
    expect(await (await button!.host()).getAttribute('aria-expanded')).toBe('true');

    const nav = await loader.getHarness(MatNavListHarness);
    const [home] = await nav.getItems({ title: '首页' });
    await home!.click();
    expect(await sidenav.isOpen()).toBeFalse();
  });

  it('switches the interface to English from the toolbar and remembers the choice', async () => {
    await render(false);

    const english = await loader.getHarness(MatButtonToggleHarness.with({ text: 'EN' }));
    await english.toggle();

    const toolbar = await loader.getHarness(MatToolbarHarness);
    expect(await toolbar.getRowsAsText()).toEqual([
      jasmine.stringContaining('Jiangbei District Cadre Capability Platform'),
    ]);
    expect(await (await loader.getHarness(MatChipHarness)).getText()).toBe('Demo data, entirely fictional');
    expect(await english.isChecked()).toBeTrue();
    expect(localStorage.getItem('cadre.language')).toBe('en');
    expect(TestBed.inject(Title).getTitle()).toBe('Jiangbei District Cadre Capability Platform');
  });
});
