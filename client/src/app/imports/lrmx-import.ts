import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  POST_LEVELS,
  scopeFor,
  type DataScope,
} from '@cadre/shared-models';
import { catchError, map, of } from 'rxjs';
import { UnitsApi } from '../admin/units/units-api';
import { AuthSession } from '../core/auth/auth-session';
import { buildUnitOptions } from '../ledger/unit-options';
import { I18n } from '../core/i18n/i18n';
import { ImportFilePicker } from './import-file-picker';
import { LRMX_FILES } from './import-files';
import { ImportFlow } from './import-flow';
import { ImportReportView } from './import-report';
import { ImportsApi, type LrmxImportOptions } from './imports-api';

type UnitOptions = { readonly status: 'loaded'; readonly units: { id: string; label: string }[] } | { readonly status: 'failed' };

/**
 * The .lrmx tab: one appointment form or a zip of them, matched to existing cadres by ID number.
 * New people need what the form does not carry (unit, post level, rank, category, appointment
 * type), chosen here before the upload.
 */
@Component({
  selector: 'cadre-lrmx-import',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, ImportFilePicker, ImportReportView],
  providers: [ImportFlow],
  template: `
    @let text = messages().imports;
    <p class="intro">{{ text.lrmxIntro }}</p>
    <section class="step">
      <cadre-import-file-picker [rules]="rules" [chooseLabel]="text.chooseLrmx" (upload)="upload()">
        <fieldset class="defaults" [formGroup]="options">
          <legend class="step-title">{{ text.newPeopleTitle }}</legend>
          <p class="hint">{{ text.newPeopleHint }}</p>
          <div class="fields">
            <mat-form-field class="unit">
              <mat-label>{{ text.targetUnit }}</mat-label>
              <mat-select formControlName="unitId">
                <mat-option [value]="null">{{ text.noDefault }}</mat-option>
                @if (unitOptions(); as options) {
                  @if (options.status === 'loaded') {
                    @for (option of options.units; track option.id) {
                      <mat-option [value]="option.id">{{ option.label }}</mat-option>
                    }
                  }
                }
              </mat-select>
              <mat-hint>{{ text.targetUnitHint }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ text.postLevel }}</mat-label>
              <mat-select formControlName="postLevel">
                <mat-option [value]="null">{{ text.noDefault }}</mat-option>
                @for (value of postLevels; track value) {
                  <mat-option [value]="value">{{ value }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ text.rank }}</mat-label>
              <mat-select formControlName="rank">
                <mat-option [value]="null">{{ text.noDefault }}</mat-option>
                @for (value of ranks; track value) {
                  <mat-option [value]="value">{{ value }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ text.category }}</mat-label>
              <mat-select formControlName="category">
                <mat-option [value]="null">{{ text.noDefault }}</mat-option>
                @for (value of categories; track value) {
                  <mat-option [value]="value">{{ value }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ text.appointmentType }}</mat-label>
              <mat-select formControlName="appointmentType">
                <mat-option [value]="null">{{ text.noDefault }}</mat-option>
                @for (value of appointmentTypes; track value) {
                  <mat-option [value]="value">{{ value }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          @if (unitOptions()?.status === 'failed') {
            <p class="refusal" role="alert">{{ text.unitsUnavailable }}</p>
          }
        </fieldset>
      </cadre-import-file-picker>
    </section>
    <cadre-import-report />
  `,
  styleUrl: './import-tab.scss',
  styles: `
    .defaults {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr));
      gap: 4px 16px;
    }
    .unit {
      grid-column: 1 / -1;
      max-width: 480px;
    }
    .refusal {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LrmxImport {
  private readonly api = inject(ImportsApi);
  private readonly flow = inject(ImportFlow);

  protected readonly messages = inject(I18n).messages;
  protected readonly rules = LRMX_FILES;
  protected readonly postLevels = POST_LEVELS;
  protected readonly ranks = CIVIL_SERVICE_RANKS;
  protected readonly categories = CADRE_CATEGORIES;
  protected readonly appointmentTypes = APPOINTMENT_TYPES;

  protected readonly options = new FormGroup({
    unitId: new FormControl<string | null>(null),
    postLevel: new FormControl<string | null>(null),
    rank: new FormControl<string | null>(null),
    category: new FormControl<string | null>(null),
    appointmentType: new FormControl<string | null>(null),
  });

  private readonly me = inject(AuthSession).me();
  private readonly scope: DataScope = this.me ? scopeFor(this.me, 'cadre:import') : { kind: 'none' };

  /**
   * The units new people may go to: a unit manager's own subtree, the whole tree for the district;
   * the server refuses any other. Indented as in the tree.
   */
  protected readonly unitOptions = toSignal(
    inject(UnitsApi)
      .list()
      .pipe(
        map(
          (units): UnitOptions => ({
            status: 'loaded',
            units: buildUnitOptions(units, this.scope).map((option) => ({
              id: option.id,
              // Full-width spaces indent CJK names by whole characters.
              label: `${'\u3000'.repeat(option.depth)}${option.name}`,
            })),
          }),
        ),
        catchError(() => of<UnitOptions>({ status: 'failed' })),
      ),
  );

  protected upload(): void {
    const options: LrmxImportOptions = this.options.getRawValue();
    this.flow.upload((file) => this.api.uploadLrmx(file, options));
  }
}
