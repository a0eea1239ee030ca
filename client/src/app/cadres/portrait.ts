import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { politicalStatusOf, type CadreRecord, type EducationRow } from '@cadre/shared-models';
import { AuthSession } from '../core/auth/auth-session';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { OwnCorrections } from '../corrections/own-corrections';
import { NoAccess } from '../no-access/no-access';
import { CadrePhoto } from './cadre-photo';
import { CadreTimeline } from './cadre-timeline';
import { CadresApi, lrmxDownloadUrl } from './cadres-api';
import { CompetencyRadar, type CompetencyScore } from './competency-radar';
import { DerivedTags } from './derived-tags';
import { PrintChrome } from './print-chrome';
import { ageToday, dotted, educationText, partyText, schoolText } from './record-format';
import { recordStates } from './record-state';

/**
 * One cadre's portrait (画像): headline facts and photo, derived tags with their evidence, the
 * competency radar, the timeline, education and family. Read-only; editing is its own page.
 */
@Component({
  selector: 'cadre-portrait',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatProgressBarModule,
    RouterLink,
    CadrePhoto,
    CadreTimeline,
    CompetencyRadar,
    DerivedTags,
    FailureNotice,
    NoAccess,
    OwnCorrections,
    PrintChrome,
  ],
  templateUrl: './portrait.html',
  styleUrl: './portrait.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Portrait {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CadresApi);
  private readonly session = inject(AuthSession);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly messages = inject(I18n).messages;

  protected readonly canEdit = computed(() => this.session.can('cadre:write'));
  protected readonly canExport = computed(() => this.session.can('cadre:export'));
  protected readonly canReveal = computed(() => this.session.can('cadre:reveal_id'));
  /** A cadre on their own record asks for corrections rather than editing. */
  protected readonly ownRecord = computed(() => this.session.me()?.cadreId === this.id());
  protected readonly canRequestCorrection = computed(() => this.ownRecord() && this.session.can('correction:submit'));

  private readonly reloads = signal(0);
  protected readonly state = toSignal(recordStates(this.api, toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))), {
    initialValue: { status: 'loading' } as const,
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  /**
   * No evaluation framework has scored anyone yet (assessment cycles are a later issue); the
   * radar shows its empty state until the first cycle's results exist.
   */
  protected readonly competencyScores: readonly CompetencyScore[] = [];

  /** The full number once revealed; forgotten when another record is shown. */
  protected readonly revealed = linkedSignal<string, string | null>({ source: this.id, computation: () => null });
  protected readonly revealFailure = signal<FailureDescription | null>(null);

  protected readonly dotted = dotted;
  protected readonly educationText = educationText;
  protected readonly schoolText = schoolText;
  protected readonly lrmxUrl = computed(() => lrmxDownloadUrl(this.id()));

  protected age(record: CadreRecord): number {
    return ageToday(record.birthMonth);
  }

  protected educationRows(record: CadreRecord): { label: string; value: EducationRow }[] {
    const fields = this.messages().portrait.fields;
    return [
      { label: fields.fullTimeEducation, value: record.fullTimeEducation },
      { label: fields.inServiceEducation, value: record.inServiceEducation },
    ];
  }

  protected politicalStatus(record: CadreRecord): string {
    return politicalStatusOf(record);
  }

  protected party(record: CadreRecord): string {
    return partyText(record);
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  protected print(): void {
    window.print();
  }

  protected reveal(id: string): void {
    this.revealFailure.set(null);
    this.api
      .revealIdNumber(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (idNumber) => this.revealed.set(idNumber),
        error: (error: unknown) => this.revealFailure.set(describeFailure(error, this.messages())),
      });
  }
}
