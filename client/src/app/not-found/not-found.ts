import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../core/auth/auth-session';
import { SessionNavigator } from '../core/auth/session-navigator';
import { I18n } from '../core/i18n/i18n';

/**
 * An address that leads nowhere: no page at this path (`page`, the route table's wildcard), or
 * a record id that names no record (`record`, the API's 404), with a way back to the user's start.
 */
@Component({
  selector: 'cadre-not-found',
  imports: [MatButtonModule, RouterLink],
  template: `
    @let text = messages().workspaces.notFound;
    <section class="not-found">
      <h1>{{ kind() === 'record' ? text.recordTitle : text.pageTitle }}</h1>
      <p>{{ kind() === 'record' ? text.recordDetail : text.pageDetail }}</p>
      <a matButton="filled" [routerLink]="home()">{{ text.home }}</a>
    </section>
  `,
  styles: `
    .not-found {
      max-width: 480px;
      margin: 48px auto;
      padding: 0 16px;
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
export class NotFound {
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);

  readonly kind = input<'page' | 'record'>('page');

  protected readonly messages = inject(I18n).messages;
  protected readonly home = computed(() => {
    const me = this.session.me();
    return me ? this.navigator.landing(me) : '/login';
  });
}
