import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { I18n } from '../core/i18n/i18n';
import { UnitsApi } from '../admin/units/units-api';

/** The signed-in user's own account: who they are to the platform, and their credentials' state. */
@Component({
  selector: 'cadre-account',
  imports: [DatePipe, MatButtonModule, MatCardModule, RouterLink],
  templateUrl: './account.html',
  styleUrl: './account.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Account {
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);

  protected readonly messages = this.i18n.messages;
  protected readonly language = this.i18n.language;
  protected readonly me = this.session.me;
  protected readonly roleNames = computed(() => {
    const labels = this.messages().roles;
    return (this.me()?.roles ?? []).map((role) => labels[role]).join('、');
  });

  /**
   * The unit's name, looked up in the unit list when the roles may read it; otherwise, or while
   * it loads or if it fails, the page shows the unit id rather than nothing.
   */
  private readonly unitNames = toSignal(
    this.session.can('unit:read') && this.me()?.unitId
      ? inject(UnitsApi)
          .list()
          .pipe(
            map((units) => new Map(units.map((unit) => [unit.id, unit.name]))),
            catchError(() => of(new Map<string, string>())),
          )
      : of(new Map<string, string>()),
    { initialValue: new Map<string, string>() },
  );
  protected readonly unitLabel = computed(() => {
    const unitId = this.me()?.unitId;
    if (!unitId) return this.messages().account.noUnit;
    return this.unitNames().get(unitId) ?? unitId;
  });
}
