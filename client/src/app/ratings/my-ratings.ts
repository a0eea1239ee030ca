import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { RaterTask } from '@cadre/shared-models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { describeFailure } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { RatingsApi, type RaterTaskList } from './ratings-api';

type TasksState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly list: RaterTaskList }
  | { readonly status: 'failed'; readonly error: unknown };

/** One cycle's forms, as the list groups them. */
export interface CycleTasks {
  readonly cycleId: string;
  readonly cycleName: string;
  readonly dueDate: string;
  readonly submitted: number;
  readonly tasks: readonly RaterTask[];
}

/** Groups the tasks by cycle in the order the API lists them; forms still to fill come first within a cycle. */
export function groupByCycle(tasks: readonly RaterTask[]): CycleTasks[] {
  const groups = new Map<string, RaterTask[]>();
  for (const task of tasks) groups.set(task.cycleId, [...(groups.get(task.cycleId) ?? []), task]);
  return [...groups.values()].map((own) => ({
    cycleId: own[0]!.cycleId,
    cycleName: own[0]!.cycleName,
    dueDate: own[0]!.dueDate,
    submitted: own.filter((task) => task.state === 'submitted').length,
    tasks: [...own].sort((a, b) => Number(a.state === 'submitted') - Number(b.state === 'submitted')),
  }));
}

/** 我的测评: the forms the signed-in cadre is asked to fill, by cycle, with their state. */
@Component({
  selector: 'cadre-my-ratings',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, FailureNotice],
  templateUrl: './my-ratings.html',
  styleUrl: './my-ratings.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyRatings {
  private readonly api = inject(RatingsApi);
  protected readonly messages = inject(I18n).messages;
  private readonly reloads = signal(0);

  protected readonly state = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.tasks().pipe(
          map((list): TasksState => ({ status: 'loaded', list })),
          catchError((error: unknown) => of<TasksState>({ status: 'failed', error })),
          startWith<TasksState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as TasksState },
  );
  protected readonly cycles = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? groupByCycle(state.list.items) : [];
  });
  protected readonly remindedAt = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.list.remindedAt : null;
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  });

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }

  /** A reminder's time as its day: the hour would only suggest a precision the banner does not need. */
  protected dayOf(timestamp: string): string {
    return timestamp.slice(0, 10);
  }
}
