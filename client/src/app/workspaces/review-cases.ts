import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18n } from '../core/i18n/i18n';

/**
 * The reviewer's start page: what 容错纠错 review is and where their cases will be. The case
 * module is not built yet, so the list is honestly empty: no invented cases, no dead buttons.
 */
@Component({
  selector: 'cadre-review-cases',
  imports: [MatButtonModule, RouterLink],
  template: `
    @let text = messages().workspaces.reviewer;
    <h1 class="page-title">{{ text.title }}</h1>
    <section class="intro">
      <p>{{ text.intro }}</p>
      <ol>
        @for (step of text.steps; track step) {
          <li>{{ step }}</li>
        }
      </ol>
    </section>
    <section class="stage" [attr.aria-label]="text.casesTitle">
      <h2>{{ text.casesTitle }}</h2>
      <div class="empty">
        <p>{{ text.noCases }}</p>
        <p class="secondary">{{ text.noCasesHint }}</p>
      </div>
    </section>
    <div class="actions">
      <a matButton="outlined" routerLink="/account">{{ text.account }}</a>
    </div>
  `,
  styleUrl: './workspaces.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewCases {
  protected readonly messages = inject(I18n).messages;
}
