import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DeadEnd } from '../core/layout/dead-end';
import { I18n } from '../core/i18n/i18n';

/** Where a route guard sends a user whose roles do not open the page they asked for (and a record's 403). */
@Component({
  selector: 'cadre-no-access',
  imports: [DeadEnd],
  template: `
    @let text = messages().noAccess;
    <cadre-dead-end [title]="text.title" [detail]="text.detail" [homeLabel]="text.home" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccess {
  protected readonly messages = inject(I18n).messages;
}
