import { Injectable, effect, inject, untracked } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { I18n } from './i18n';
import type { Messages } from './messages';

/** Date picker labels in the interface language, re-announced to pickers when it changes. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    this.applyLabels(this.i18n.messages().datepicker);
    effect(() => {
      this.applyLabels(this.i18n.messages().datepicker);
      untracked(() => this.changes.next());
    });
  }

  private applyLabels(labels: Messages['datepicker']): void {
    this.calendarLabel = labels.calendar;
    this.openCalendarLabel = labels.openCalendar;
    this.closeCalendarLabel = labels.closeCalendar;
    this.prevMonthLabel = labels.prevMonth;
    this.nextMonthLabel = labels.nextMonth;
    this.prevYearLabel = labels.prevYear;
    this.nextYearLabel = labels.nextYear;
    this.prevMultiYearLabel = labels.prevMultiYear;
    this.nextMultiYearLabel = labels.nextMultiYear;
    this.switchToMonthViewLabel = labels.switchToMonthView;
    this.switchToMultiYearViewLabel = labels.switchToMultiYearView;
    this.startDateLabel = labels.startDate;
    this.endDateLabel = labels.endDate;
    this.comparisonDateLabel = labels.comparisonDate;
    this.formatYearRange = labels.yearRange;
    this.formatYearRangeLabel = labels.yearRangeLabel;
  }
}
