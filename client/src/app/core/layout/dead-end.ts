import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../auth/auth-session';
import { SessionNavigator } from '../auth/session-navigator';

/**
 * A page the user cannot go on from (no such page, no such record, no access): what happened, and
 * the way to their own start page; '/' would lead a user without statistics to another dead end.
 */
@Component({
  selector: 'cadre-dead-end',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="dead-end">
      <h1>{{ title() }}</h1>
      <p>{{ detail() }}</p>
      <a matButton="filled" [routerLink]="home()">{{ homeLabel() }}</a>
    </section>
  `,
  styles: `
    .dead-end {
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
export class DeadEnd {
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);

  readonly title = input.required<string>();
  readonly detail = input.required<string>();
  readonly homeLabel = input.required<string>();

  protected readonly home = computed(() => {
    const me = this.session.me();
    return me ? this.navigator.landing(me) : '/login';
  });
}
