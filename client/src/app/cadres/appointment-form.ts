import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { NoAccess } from '../no-access/no-access';
import { NotFound } from '../not-found/not-found';
import { FORM_LABELS, buildAppointmentForm } from './appointment-form-view';
import { CadrePhoto } from './cadre-photo';
import { CadresApi } from './cadres-api';
import { PrintChrome } from './print-chrome';
import { recordStates } from './record-state';

/** An A4 sheet is 210 mm wide: 793.7 CSS pixels. */
const SHEET_WIDTH_PX = (210 / 25.4) * 96;

/**
 * 干部任免审批表 in its printed two-page layout, from the record: on screen as two A4 sheets
 * (scaled down to fit a phone), in print one sheet per page for Save as PDF.
 */
@Component({
  selector: 'cadre-appointment-form',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, CadrePhoto, FailureNotice, NoAccess, NotFound, PrintChrome],
  templateUrl: './appointment-form.html',
  styleUrl: './appointment-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppointmentForm {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CadresApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly messages = inject(I18n).messages;
  protected readonly labels = FORM_LABELS;

  protected readonly state = toSignal(recordStates(this.api, toObservable(computed(() => ({ id: this.id() })))), {
    initialValue: { status: 'loading' } as const,
  });
  protected readonly form = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? buildAppointmentForm(state.record) : null;
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  private readonly width = signal(SHEET_WIDTH_PX);
  /** Sheets keep their A4 proportions and shrink as a whole on narrow screens; print resets this. */
  protected readonly zoom = computed(() => Math.min(1, this.width() / SHEET_WIDTH_PX));

  constructor() {
    const observer = new ResizeObserver(([entry]) => {
      if (entry) this.width.set(entry.contentRect.width);
    });
    afterNextRender(() => observer.observe(this.host.nativeElement));
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  protected print(): void {
    window.print();
  }
}
