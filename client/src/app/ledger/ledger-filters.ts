import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteTrigger, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  AGE_BANDS,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  DERIVED_TAGS,
  EDUCATION_LEVELS,
  POST_LEVELS,
  SEXES,
  scopeFor,
  type LedgerFilter,
} from '@cadre/shared-models';
import { catchError, debounceTime, distinctUntilChanged, map, of } from 'rxjs';
import { UnitsApi } from '../admin/units/units-api';
import { AuthSession } from '../core/auth/auth-session';
import { I18n } from '../core/i18n/i18n';
import { MAX_FILTER_VALUES, MAX_TAG_LENGTH, NO_FILTER, countActiveFilters, filterOf, type ListFilter } from './ledger-query';
import { LedgerFiltersPreference, describeFilterChips, type FilterChip } from './ledger-filter-chips';
import { buildUnitOptions, matchUnitOptions, type UnitOption } from './unit-options';
import { UnitTreeDialog, type UnitTreeDialogData } from './unit-tree-dialog';

/** How long typing pauses before the text search runs, so each keystroke is not a query. */
const SEARCH_DEBOUNCE_MS = 300;

type UnitsState = { readonly status: 'loading' | 'failed' } | { readonly status: 'loaded'; readonly options: UnitOption[] };

/**
 * The ledger's filters. They hold no state of their own: the page passes the filter read from
 * the address bar and gets every change back as a whole new filter, so the address stays the
 * one source of truth (links and the back button see what the table shows).
 */
@Component({
  selector: 'cadre-ledger-filters',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatChipsModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './ledger-filters.html',
  styleUrl: './ledger-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerFilters {
  readonly filter = input.required<LedgerFilter>();
  readonly filterChange = output<LedgerFilter>();

  private readonly destroyRef = inject(DestroyRef);
  private readonly dialog = inject(MatDialog);
  private readonly preference = inject(LedgerFiltersPreference);
  protected readonly messages = inject(I18n).messages;

  /**
   * Whether the panel is open: as the user last left it (remembered per account), else folded,
   * so the table has the page (12 rows at 1280×800) and the chip row says which filters are set.
   * Setting a filter in the open panel does not fold it under the user.
   */
  protected readonly open = signal(this.preference.load(inject(AuthSession).me()?.id ?? '') ?? false);
  protected readonly chips = computed(() => describeFilterChips(this.filter(), this.selectedUnit()?.name ?? null, this.messages()));

  protected readonly choices = {
    ageBand: AGE_BANDS,
    sex: SEXES,
    education: EDUCATION_LEVELS,
    category: CADRE_CATEGORIES,
    postLevel: POST_LEVELS,
    rank: CIVIL_SERVICE_RANKS,
  } as const;
  protected readonly activeCount = computed(() => countActiveFilters(this.filter()));

  // --- text search ---------------------------------------------------------------------------
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly searchedText = computed(() => this.filter().q ?? '');

  // --- unit ----------------------------------------------------------------------------------
  private readonly me = inject(AuthSession).me;
  protected readonly units = toSignal(
    inject(UnitsApi)
      .list()
      .pipe(
        map((units): UnitsState => ({ status: 'loaded', options: buildUnitOptions(units, this.scope()) })),
        catchError(() => of<UnitsState>({ status: 'failed' })),
      ),
    { initialValue: { status: 'loading' } as UnitsState },
  );
  private readonly unitOptions = computed(() => {
    const units = this.units();
    return units.status === 'loaded' ? units.options : [];
  });
  /** The picker's input holds typed text while searching, the chosen unit otherwise. */
  protected readonly unitInput = new FormControl<string | UnitOption>('', { nonNullable: true });
  private readonly unitText = signal('');
  protected readonly unitMatches = computed(() => matchUnitOptions(this.unitOptions(), this.unitText()));
  private readonly selectedUnit = computed(() => {
    const unitId = this.filter().unitId;
    return this.unitOptions().find((option) => option.id === unitId) ?? null;
  });
  protected readonly showUnitPath = computed(() => this.unitText().trim() !== '');
  protected readonly displayUnit = (value: string | UnitOption | null): string =>
    typeof value === 'string' ? value : (value?.name ?? '');

  // --- tags ----------------------------------------------------------------------------------
  protected readonly tagInput = new FormControl('', { nonNullable: true });
  private readonly tagText = toSignal(this.tagInput.valueChanges, { initialValue: '' });
  protected readonly tagError = signal<string | null>(null);
  private readonly tagTrigger = viewChild.required('tagField', { read: MatAutocompleteTrigger });
  protected readonly tagSuggestions = computed(() => {
    const chosen = new Set(this.filter().tag);
    const needle = this.tagText().trim();
    return DERIVED_TAGS.filter((tag) => !chosen.has(tag) && tag.includes(needle));
  });

  constructor() {
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.searchedText()) this.change({ q: q || undefined });
      });
    // The address changes by the back button, a saved view or "clear" too; the boxes follow it.
    effect(() => {
      const q = this.searchedText();
      if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
    });
    effect(() => {
      const unit = this.selectedUnit();
      this.unitInput.setValue(unit ?? '', { emitEvent: false });
      this.unitText.set('');
    });
  }

  /** The panel was opened or folded: by the user (the only way it changes besides this signal), so remembered. */
  protected setOpen(open: boolean): void {
    if (open === this.open()) return;
    this.open.set(open);
    this.preference.save(this.me()?.id ?? '', open);
  }

  protected removeChip(chip: FilterChip): void {
    if (chip.key.startsWith('tag:')) this.tagError.set(null);
    this.change(chip.remove);
  }

  protected pickUnitFromTree(): void {
    const data: UnitTreeDialogData = { options: this.unitOptions(), selectedId: this.filter().unitId ?? null };
    this.dialog
      .open<UnitTreeDialog, UnitTreeDialogData, string>(UnitTreeDialog, { data, width: '480px', maxWidth: '95vw', maxHeight: '90vh' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((unitId) => {
        if (unitId && unitId !== this.filter().unitId) this.change({ unitId });
      });
  }

  protected select(key: Exclude<ListFilter, 'tag'>, values: string[]): void {
    this.change({ [key]: values });
  }

  protected typeUnit(text: string): void {
    this.unitText.set(text);
    // Emptying the box is how a unit is taken off the filter by keyboard.
    if (text.trim() === '' && this.filter().unitId) this.change({ unitId: undefined });
  }

  protected chooseUnit(event: MatAutocompleteSelectedEvent): void {
    const option = event.option.value as UnitOption;
    this.unitText.set('');
    if (option.id !== this.filter().unitId) this.change({ unitId: option.id });
  }

  protected clearUnit(): void {
    this.unitText.set('');
    this.unitInput.setValue('', { emitEvent: false });
    if (this.filter().unitId) this.change({ unitId: undefined });
  }

  /** Text typed but not chosen from the list is put back to the unit in force. */
  protected restoreUnitInput(): void {
    if (typeof this.unitInput.value === 'string') {
      this.unitInput.setValue(this.selectedUnit() ?? '', { emitEvent: false });
      this.unitText.set('');
    }
  }

  private addTag(value: string): void {
    const tag = value.trim();
    const text = this.messages().ledger;
    const current = this.filter().tag;
    if (!tag) return;
    if (tag.length > MAX_TAG_LENGTH) {
      this.tagError.set(text.tagTooLong(MAX_TAG_LENGTH));
      return;
    }
    this.tagError.set(null);
    this.tagInput.setValue('');
    if (current.includes(tag)) return;
    if (current.length >= MAX_FILTER_VALUES) {
      this.tagError.set(text.tooManyTags(MAX_FILTER_VALUES));
      return;
    }
    this.change({ tag: [...current, tag] });
  }

  /**
   * Enter in the tag box: a suggestion highlighted in the list is the autocomplete's to add; only
   * text typed without one is a free-text tag.
   */
  protected typeTag(value: string): void {
    if (this.tagTrigger().activeOption) return;
    this.addTag(value);
  }

  protected chooseTag(event: MatAutocompleteSelectedEvent): void {
    this.addTag(event.option.value as string);
  }

  protected removeTag(tag: string): void {
    this.tagError.set(null);
    this.change({ tag: this.filter().tag.filter((each) => each !== tag) });
  }

  protected clear(): void {
    this.tagError.set(null);
    this.tagInput.setValue('');
    this.filterChange.emit(NO_FILTER);
  }

  private change(patch: Partial<LedgerFilter>): void {
    this.filterChange.emit({ ...filterOf(this.filter()), ...patch });
  }

  private scope() {
    const me = this.me();
    return me ? scopeFor(me, 'ledger:read') : ({ kind: 'all' } as const);
  }
}
