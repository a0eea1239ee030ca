import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TextFieldModule } from '@angular/cdk/text-field';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  ANNUAL_GRADES,
  CORRECTABLE_FIELDS,
  CorrectionReasonSchema,
  DEGREES,
  EDUCATION_LEVELS,
  HEALTH_STATES,
  OTHER_PARTIES,
  type CadreRecord,
  type CorrectableField,
  type CorrectableKey,
  type CorrectionRequest,
} from '@cadre/shared-models';
import { describeControlErrors, schemaValidator } from '../core/forms/schema-validator';
import { showSubmitFailure } from '../core/forms/server-errors';
import type { FailureDescription } from '../core/http/describe-failure';
import { I18n } from '../core/i18n/i18n';
import { assessmentGroup, commendationGroup, familyGroup } from '../cadres/cadre-form';
import { correctableFieldText } from '../cadres/record-fields';
import { conflictingRecordOf } from '../cadres/cadres-api';
import { buildChangeForm, editedKeys, MONTH_KEYS, TEXT_KEYS, toChange } from './correction-change-form';
import { CorrectionsApi } from './corrections-api';

export interface CorrectionApproveData {
  readonly request: CorrectionRequest;
  readonly record: CadreRecord;
}

/**
 * Approving a correction: the record as it stands beside what the cadre asked for, and an editor
 * for the record keys the request concerns, filled with the proposal where it reads as a value.
 * The approver may adjust it; approving writes it into the record at the version shown.
 */
@Component({
  selector: 'cadre-correction-approve-dialog',
  imports: [ReactiveFormsModule, TextFieldModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule],
  templateUrl: './correction-approve-dialog.html',
  styleUrl: './corrections-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CorrectionApproveDialog {
  protected readonly data = inject<CorrectionApproveData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<CorrectionApproveDialog, CorrectionRequest>>(MatDialogRef);
  private readonly api = inject(CorrectionsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly messages = inject(I18n).messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly options = { education: EDUCATION_LEVELS, degree: DEGREES, health: HEALTH_STATES, party: OTHER_PARTIES, grade: ANNUAL_GRADES };
  protected readonly targets = CORRECTABLE_FIELDS.map(([key]) => key).filter((key) => key !== 'other');
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);

  /** The record the change is based on; replaced by the current one after a 409. */
  protected readonly record = signal(this.data.record);
  protected readonly currentText = computed(() => {
    const target = this.target();
    const field = this.data.request.field === 'other' ? target : this.data.request.field;
    return field ? correctableFieldText(this.record(), field) : '';
  });

  /** For 其他: which field the approver changes, or none (the record stays as it is). */
  protected readonly targetControl = new FormControl<CorrectableField | null>(null);
  protected readonly target = signal<CorrectableField | null>(null);
  protected readonly keys = computed(() => editedKeys(this.data.request.field, this.target()));
  protected change = buildChangeForm(this.keys(), this.data.record, this.data.request);
  protected readonly form = new FormGroup({
    change: this.change,
    reason: new FormControl('', { nonNullable: true, validators: schemaValidator(CorrectionReasonSchema) }),
  });

  constructor() {
    this.targetControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((target) => {
      this.target.set(target);
      this.change = buildChangeForm(this.keys(), this.record(), this.data.request);
      this.form.setControl('change', this.change);
    });
  }

  protected kindOf(key: CorrectableKey): string {
    if ((TEXT_KEYS as readonly string[]).includes(key)) return 'text';
    if ((MONTH_KEYS as readonly string[]).includes(key)) return 'month';
    return key;
  }

  protected labelOf(key: CorrectableKey): string {
    return key === 'otherParty' ? this.messages().portrait.otherParty : this.messages().corrections.fields[key];
  }

  protected control(key: string): FormControl {
    return this.change.get(key) as FormControl;
  }

  protected group(key: string): FormGroup {
    return this.change.get(key) as FormGroup;
  }

  protected rows(key: string): FormArray<FormGroup> {
    return this.change.get(key) as FormArray<FormGroup>;
  }

  protected addRow(key: 'commendations' | 'annualAssessments' | 'family'): void {
    const row = key === 'commendations' ? commendationGroup(null) : key === 'annualAssessments' ? assessmentGroup(null) : familyGroup(null);
    this.rows(key).push(row as FormGroup);
  }

  protected removeRow(key: string, index: number): void {
    this.rows(key).removeAt(index);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    const record = this.record();
    this.api
      .decide(this.data.request.id, {
        decision: 'approved',
        reason: this.form.controls.reason.value,
        version: record.version,
        change: toChange(this.change, record),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (decided) => this.dialogRef.close(decided),
        error: (error: unknown) => {
          this.busy.set(false);
          this.takeCurrentRecord(error);
          showSubmitFailure(this.form, error, this.failure, this.messages());
        },
      });
  }

  /**
   * After a 409 the record shown becomes the current one and the next approval is based on it;
   * the approver's values stay in the editor, to be checked against it and confirmed again.
   */
  private takeCurrentRecord(error: unknown): void {
    const current = conflictingRecordOf(error);
    if (current) this.record.set(current);
  }
}
