import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../core/auth/auth-session';
import { SessionNavigator } from '../core/auth/session-navigator';
import { I18n } from '../core/i18n/i18n';

/** Where a route guard sends a user whose roles do not open the page they asked for. */
@Component({
  selector: 'cadre-no-access',
  imports: [MatButtonModule, RouterLink],
  template: `
    @let text = messages().noAccess;
    <section class="no-access">
      <h1>{{ text.title }}</h1>
      <p>{{ text.detail }}</p>
      <a matButton="filled" [routerLink]="home()">{{ text.home }}</a>
    </section>
  `,
  styles: `
    .no-access {
      max-width: 480px;
      margin: 48px auto;
      text-align: center;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
    }
    p {
      margin-bottom: 24px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccess {
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);

  protected readonly messages = inject(I18n).messages;
  /** The user's own start page: '/' would lead a user without statistics straight back here. */
  protected readonly home = computed(() => {
    const me = this.session.me();
    return me ? this.navigator.landing(me) : '/login';
  });
}
