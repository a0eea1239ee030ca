import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { I18n } from '../core/i18n/i18n';
import { CadresApi } from './cadres-api';

type PhotoState = { readonly status: 'none' | 'loading' | 'failed' } | { readonly status: 'shown'; readonly blob: Blob };

/**
 * A cadre's ID photo, 3:4. The API serves it only to a signed-in caller in scope, so it is read
 * as a blob and shown through an object URL (CSP `img-src` allows `blob:`); without a photo, a
 * silhouette stands in.
 */
@Component({
  selector: 'cadre-photo',
  template: `
    @let current = state();
    @if (url(); as src) {
      <img [src]="src" [alt]="messages().portrait.photoOf(name())" />
    } @else {
      <svg
        viewBox="0 0 30 40"
        role="img"
        [class.loading]="current.status === 'loading'"
        [attr.aria-label]="current.status === 'failed' ? messages().portrait.photoFailed : messages().portrait.noPhoto"
      >
        <title>{{ current.status === 'failed' ? messages().portrait.photoFailed : messages().portrait.noPhoto }}</title>
        <circle cx="15" cy="14" r="7" />
        <path d="M2 40c0-8 6-13 13-13s13 5 13 13z" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: block;
      width: 120px;
      aspect-ratio: 3 / 4;
      overflow: hidden;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-surface-container-high);
    }
    img,
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
    img {
      object-fit: cover;
    }
    svg {
      fill: var(--mat-sys-outline-variant);
    }
    svg.loading {
      opacity: 0.4;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CadrePhoto {
  readonly cadreId = input<string | null>(null);
  readonly hasPhoto = input(false);
  readonly name = input.required<string>();
  /** The record version: a newer one fetches the photo again after it changed. */
  readonly version = input(0);
  /** A picked but unsaved photo, shown instead of the stored one (the editor's preview). */
  readonly preview = input<Blob | null>(null);

  private readonly api = inject(CadresApi);
  protected readonly messages = inject(I18n).messages;

  private readonly source = computed(() => ({
    id: this.cadreId(),
    hasPhoto: this.hasPhoto(),
    version: this.version(),
    preview: this.preview(),
  }));
  protected readonly state = toSignal(
    toObservable(this.source).pipe(
      switchMap(({ id, hasPhoto, preview }): Observable<PhotoState> => {
        if (preview) return of({ status: 'shown', blob: preview });
        if (!id || !hasPhoto) return of({ status: 'none' });
        return this.api.photo(id).pipe(
          map((blob): PhotoState => ({ status: 'shown', blob })),
          catchError(() => of<PhotoState>({ status: 'failed' })),
          startWith<PhotoState>({ status: 'loading' }),
        );
      }),
    ),
    { initialValue: { status: 'loading' } as PhotoState },
  );
  protected readonly url = signal<string | null>(null);

  constructor() {
    // One object URL per blob, released as soon as another replaces it or the photo leaves the page.
    effect((onCleanup) => {
      const state = this.state();
      if (state.status !== 'shown') {
        this.url.set(null);
        return;
      }
      const url = URL.createObjectURL(state.blob);
      this.url.set(url);
      onCleanup(() => URL.revokeObjectURL(url));
    });
  }
}
