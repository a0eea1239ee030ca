import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { CADRE_CATEGORIES, TIERS } from '@cadre/shared-models';
import { describeControlErrors } from './schema-validator';

/** Two multiple choices, 层级 and 干部类别, over one form group: cycle populations and framework applicability share them. */
@Component({
  selector: 'cadre-tier-category-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule],
  template: `
    <ng-container [formGroup]="group()">
      <mat-form-field>
        <mat-label>{{ labels().tiers }}</mat-label>
        <mat-select multiple formControlName="tiers">
          @for (tier of tiers; track tier) {
            <mat-option [value]="tier">{{ tier }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ labels().hint }}</mat-hint>
        <mat-error>{{ errorsOf(group().get('tiers')?.errors ?? null).join(' ') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ labels().categories }}</mat-label>
        <mat-select multiple formControlName="categories">
          @for (category of categories; track category) {
            <mat-option [value]="category">{{ category }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ labels().hint }}</mat-hint>
        <mat-error>{{ errorsOf(group().get('categories')?.errors ?? null).join(' ') }}</mat-error>
      </mat-form-field>
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TierCategoryFields {
  /** A group with `tiers` and `categories` controls (a cycle's population holds its units too). */
  readonly group = input.required<FormGroup>();
  readonly labels = input.required<{ tiers: string; categories: string; hint: string }>();

  protected readonly tiers = TIERS;
  protected readonly categories = CADRE_CATEGORIES;
  protected readonly errorsOf = describeControlErrors;
}
