import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { DeadEnd } from '../core/layout/dead-end';
import { I18n } from '../core/i18n/i18n';

/**
 * An address that leads nowhere: no page at this path (`page`, the route table's wildcard), or
 * a record id that names no record (`record`, the API's 404).
 */
@Component({
  selector: 'cadre-not-found',
  imports: [DeadEnd],
  template: `
    @let text = messages().workspaces.notFound;
    <cadre-dead-end
      [title]="kind() === 'record' ? text.recordTitle : text.pageTitle"
      [detail]="kind() === 'record' ? text.recordDetail : text.pageDetail"
      [homeLabel]="text.home"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {
  readonly kind = input<'page' | 'record'>('page');

  protected readonly messages = inject(I18n).messages;
}
