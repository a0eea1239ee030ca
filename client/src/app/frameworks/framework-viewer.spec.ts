import { TestBed } from '@angular/core/testing';
import { provideI18n } from '../core/i18n/provide-i18n';
import { FrameworkViewer } from './framework-viewer';
import { aFrameworkVersion } from './framework.fixture';

describe('FrameworkViewer', () => {
  beforeEach(() => {
    localStorage.removeItem('cadre.language');
    TestBed.configureTestingModule({ providers: [provideI18n()] });
  });

  async function render(version = aFrameworkVersion()): Promise<string> {
    const fixture = TestBed.createComponent(FrameworkViewer);
    fixture.componentRef.setInput('version', version);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  it('names whom each dimension applies to, and all when it names nobody', async () => {
    const text = await render();

    expect(text).toContain('政治素质 权重 60');
    expect(text).toContain('适用范围：全部');
    expect(text).toContain('实干实绩 权重 40');
    expect(text).toContain('适用范围：街镇');
    expect(text).toContain('评价占比50%');
    expect(text).toContain('客观依据 无（全部由评价计分）');
  });

  it('says when there are no veto rules', async () => {
    const text = await render(aFrameworkVersion({ vetoRules: [] }));

    expect(text).toContain('没有否决规则');
    expect(text).toContain('优秀 ≥ 90 分');
    expect(text).toContain('基本称职 ≥ 60 分');
  });
});
