import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';
import type { AuditRow } from './audit-rows';

/**
 * One record opened in the page: each changed field with its Chinese label, before → after
 * (ID numbers as the server stored them, masked 前6后4), then the rest of the detail and the
 * record's request id and hash for tracing it in the CSV or the chain.
 */
@Component({
  selector: 'cadre-audit-record-detail',
  template: `
    @let text = messages().audit;
    @let detail = row();
    @if (detail.changes.length > 0) {
      <table class="changes">
        <caption>{{ text.changes }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ text.field }}</th>
            <th scope="col">{{ text.before }}</th>
            <th scope="col" aria-hidden="true"></th>
            <th scope="col">{{ text.after }}</th>
          </tr>
        </thead>
        <tbody>
          @for (change of detail.changes; track $index) {
            <tr>
              <th scope="row">{{ change.field }}</th>
              <td class="before">{{ change.before }}</td>
              <td class="arrow" aria-hidden="true">→</td>
              <td class="after">{{ change.after }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
    <dl class="facts">
      @for (fact of detail.facts; track $index) {
        <dt>{{ fact.field }}</dt>
        <dd>{{ fact.after }}</dd>
      }
      @if (detail.changes.length === 0 && detail.facts.length === 0) {
        <dd class="none">{{ text.noDetails }}</dd>
      }
      @if (detail.record.requestId) {
        <dt>{{ text.requestId }}</dt>
        <dd class="code">{{ detail.record.requestId }}</dd>
      }
      <dt>{{ text.hash }}</dt>
      <dd class="code">{{ detail.record.hash }}</dd>
    </dl>
  `,
  styles: `
    :host {
      display: block;
      padding: 8px 0 16px;
      white-space: normal;
    }
    .changes {
      border-collapse: collapse;
      margin-bottom: 12px;
      max-width: 100%;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding-bottom: 4px;
    }
    th,
    td {
      padding: 4px 12px 4px 0;
      text-align: start;
      vertical-align: top;
      overflow-wrap: anywhere;
      white-space: normal;
    }
    thead th {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 500;
      white-space: nowrap;
    }
    .before {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .arrow {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .none {
      grid-column: 1 / -1;
    }
    .code {
      font-family: monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditRecordDetail {
  readonly row = input.required<AuditRow>();
  protected readonly messages = inject(I18n).messages;
}
