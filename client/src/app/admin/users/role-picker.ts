import { ChangeDetectionStrategy, Component, forwardRef, inject, input, signal } from '@angular/core';
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ROLES, type Role } from '@cadre/shared-models';
import { I18n } from '../../core/i18n/i18n';

/** The roles of an account as one checkbox per role, bound to a form control holding `Role[]`. */
@Component({
  selector: 'cadre-role-picker',
  imports: [MatCheckboxModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => RolePicker), multi: true }],
  template: `
    <fieldset class="roles">
      <legend>{{ legend() }}</legend>
      @for (role of roles; track role) {
        <mat-checkbox
          [checked]="selected().includes(role)"
          [disabled]="disabled()"
          (change)="toggle(role, $event.checked)"
          (blur)="onTouched()"
          >{{ messages().roles[role] }}</mat-checkbox
        >
      }
    </fieldset>
  `,
  styles: `
    .roles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RolePicker implements ControlValueAccessor {
  readonly legend = input.required<string>();

  protected readonly messages = inject(I18n).messages;
  protected readonly roles = ROLES;
  protected readonly selected = signal<readonly Role[]>([]);
  protected readonly disabled = signal(false);

  private onChange: (roles: Role[]) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  writeValue(roles: readonly Role[] | null): void {
    this.selected.set(roles ?? []);
  }

  registerOnChange(fn: (roles: Role[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected toggle(role: Role, checked: boolean): void {
    // Kept in the shared order, so the same set of roles is always the same array.
    const next = ROLES.filter((each) => (each === role ? checked : this.selected().includes(each)));
    this.selected.set(next);
    this.onChange(next);
    this.onTouched();
  }
}
