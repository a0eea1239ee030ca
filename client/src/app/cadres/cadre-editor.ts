import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule, type AbstractControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ANNUAL_GRADES,
  APPOINTMENT_TYPES,
  CADRE_CATEGORIES,
  CIVIL_SERVICE_RANKS,
  CadreInputSchema,
  CadreUpdateSchema,
  DEGREES,
  EDUCATION_LEVELS,
  HEALTH_STATES,
  OTHER_PARTIES,
  POST_LEVELS,
  SEXES,
  sameValue,
  type CadreRecord,
} from '@cadre/shared-models';
import { EMPTY, catchError, concatMap, filter, map, of, startWith, switchMap, type Observable } from 'rxjs';
import { buildUnitTree, listInTreeOrder } from '../admin/units/unit-tree';
import { UnitsApi } from '../admin/units/units-api';
import { AuthSession } from '../core/auth/auth-session';
import { SessionNavigator } from '../core/auth/session-navigator';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { describeControlErrors } from '../core/forms/schema-validator';
import { applyServerErrors } from '../core/forms/server-errors';
import { ApiError } from '../core/http/api-error';
import { describeFailure, type FailureDescription } from '../core/http/describe-failure';
import { FailureNotice } from '../core/http/failure-notice';
import { I18n } from '../core/i18n/i18n';
import { NoAccess } from '../no-access/no-access';
import { NotFound } from '../not-found/not-found';
import {
  assessmentGroup,
  buildCadreForm,
  commendationGroup,
  familyGroup,
  manualTagProblem,
  toCadreInput,
  type CadreForm,
} from './cadre-form';
import { CadrePhoto } from './cadre-photo';
import { CadresApi, MAX_PHOTO_BYTES, conflictingRecordOf } from './cadres-api';
import { editValueOf, mergeEditConflict, type EditConflict, type EditValue } from './edit-conflict';
import { EditConflictPanel, type EditChoices } from './edit-conflict-panel';
import type { RecordField } from './record-fields';
import { dotted } from './record-format';
import { recordStates, type RecordState } from './record-state';
import { previewResume } from './resume-preview';
import type { HoldsUnsavedChanges } from './unsaved-changes-guard';

type PageState = RecordState | { readonly status: 'new' };

/** What happens to the photo when the record is saved. */
type PhotoChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'replace'; readonly jpeg: Blob }
  | { readonly kind: 'remove' };

/** The first bytes of every JPEG (SOI marker and the next marker's lead byte). */
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** Where a problem's field path lands when no control has that exact name. */
const SERVER_PATH_ALIASES: Readonly<Record<string, string>> = { positions: 'resume' };

/**
 * Creates or edits a cadre record (org_admin; unit_manager within their subtree). Fields are
 * checked as typed with the shared schemas; a save based on a stale version is refused with
 * 409, and the page then shows the fields both people changed so the person picks a side for
 * each before saving again. Leaving with unsaved edits asks first.
 */
@Component({
  selector: 'cadre-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    CadrePhoto,
    EditConflictPanel,
    FailureNotice,
    NoAccess,
    NotFound,
  ],
  templateUrl: './cadre-editor.html',
  styleUrl: './cadre-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
})
export class CadreEditor implements HoldsUnsavedChanges {
  /** The `:id` route parameter; absent on /cadres/new. */
  readonly id = input<string>();

  private readonly api = inject(CadresApi);
  private readonly session = inject(AuthSession);
  private readonly navigator = inject(SessionNavigator);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);
  protected readonly messages = this.i18n.messages;
  protected readonly errorsOf = describeControlErrors;
  protected readonly dotted = dotted;

  protected readonly options = {
    sexes: SEXES,
    educationLevels: EDUCATION_LEVELS,
    degrees: DEGREES,
    postLevels: POST_LEVELS,
    ranks: CIVIL_SERVICE_RANKS,
    categories: CADRE_CATEGORIES,
    appointmentTypes: APPOINTMENT_TYPES,
    healthStates: HEALTH_STATES,
    otherParties: OTHER_PARTIES,
    grades: ANNUAL_GRADES,
  };

  protected readonly page = signal<PageState>({ status: 'loading' });
  /** The record as loaded or last saved; null for a new cadre. */
  protected readonly original = signal<CadreRecord | null>(null);
  protected readonly form = signal<CadreForm>(buildCadreForm(null));
  protected readonly busy = signal(false);
  protected readonly failure = signal<FailureDescription | null>(null);
  /** Field messages of a refused save that belong to no single box. */
  protected readonly otherErrors = signal<readonly string[]>([]);
  /** The form's values as loaded, merged or last saved: what "unsaved changes" are measured against. */
  private readonly baseline = signal<EditValue>(editValueOf(null));
  /** Set once the record is saved or deleted, so the navigation that follows is not questioned. */
  private finished = false;
  /** Both sides of a save refused because someone else saved first. */
  protected readonly conflict = signal<EditConflict | null>(null);
  protected readonly invalidCount = signal(0);
  protected readonly photo = signal<PhotoChange>({ kind: 'keep' });
  protected readonly photoProblem = signal<string | null>(null);
  protected readonly tagProblem = signal<string | null>(null);

  protected readonly isNew = computed(() => this.page().status === 'new');
  protected readonly canDelete = computed(() => this.original() !== null);
  protected readonly photoPreview = computed(() => {
    const change = this.photo();
    return change.kind === 'replace' ? change.jpeg : null;
  });
  protected readonly showsPhoto = computed(() => {
    const change = this.photo();
    return change.kind === 'replace' || (change.kind === 'keep' && (this.original()?.hasPhoto ?? false));
  });

  protected readonly resumePreview = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) => form.controls.resume.valueChanges.pipe(startWith(form.controls.resume.value))),
      map((text) => previewResume(text)),
    ),
    { initialValue: previewResume('') },
  );

  protected readonly educationGroups = computed(() => {
    const fields = this.messages().portrait.fields;
    const form = this.form();
    return [
      { label: fields.fullTimeEducation, group: form.controls.fullTimeEducation },
      { label: fields.inServiceEducation, group: form.controls.inServiceEducation },
    ];
  });

  /** Unit names by id, for the conflict panel: the list, and the units both versions name. */
  protected readonly unitNames = computed(() => {
    const names = new Map(this.unitOptions().map((unit) => [unit.id, unit.label.trim()]));
    const current = this.conflict()?.current;
    if (current) names.set(current.unitId, current.unitName);
    return names;
  });

  /** Units the record can belong to, in tree order; the record's own unit stays even if the list fails. */
  private readonly units = toSignal(
    inject(UnitsApi)
      .list()
      .pipe(
        map((list) => listInTreeOrder(buildUnitTree(list)).map((node) => ({ id: node.unit.id, label: `${'\u3000'.repeat(node.depth)}${node.unit.name}` }))),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly unitOptions = computed(() => {
    const units = this.units();
    const record = this.original();
    if (!record || units.some((unit) => unit.id === record.unitId)) return units;
    return [{ id: record.unitId, label: record.unitName }, ...units];
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id): Observable<PageState> => (id ? recordStates(this.api, of({ id })) : of({ status: 'new' }))),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.page.set(state);
        if (state.status === 'loaded') this.startFrom(state.record);
        if (state.status === 'new') this.startNew();
      });
  }

  /** Edits that are neither saved nor thrown away: typed values, or a photo picked or removed. */
  hasUnsavedChanges(): boolean {
    if (this.finished || this.page().status === 'loading') return false;
    return this.photo().kind !== 'keep' || !sameValue(this.form().getRawValue(), this.baseline());
  }

  /** Closing or reloading the tab with unsaved edits: the browser asks in its own words. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.hasUnsavedChanges()) return;
    event.preventDefault();
    // Chrome and Edge before 119 ask only when returnValue is set.
    event.returnValue = true;
  }

  protected pageFailure(state: PageState): FailureDescription | null {
    return state.status === 'failed' ? describeFailure(state.error, this.messages()) : null;
  }

  // ---- repeating rows ----

  protected addCommendation(): void {
    this.form().controls.commendations.push(commendationGroup(null));
  }

  protected addAssessment(): void {
    this.form().controls.annualAssessments.push(assessmentGroup(null));
  }

  protected addFamilyMember(): void {
    this.form().controls.family.push(familyGroup(null));
  }

  protected removeRow(array: { removeAt(index: number): void; markAsDirty(): void }, index: number): void {
    array.removeAt(index);
    array.markAsDirty();
  }

  /** Family order is meaningful on the form (spouse, children, parents), so rows can move. */
  protected moveFamilyMember(index: number, by: -1 | 1): void {
    const family = this.form().controls.family;
    const target = index + by;
    if (target < 0 || target >= family.length) return;
    const row = family.at(index);
    family.removeAt(index, { emitEvent: false });
    family.insert(target, row);
    family.markAsDirty();
  }

  // ---- manual tags ----

  protected addTag(event: MatChipInputEvent): void {
    const tag = event.value.trim();
    if (tag === '') return;
    const control = this.form().controls.manualTags;
    const problem = manualTagProblem(tag) ?? (control.value.includes(tag) ? this.messages().portrait.tagDuplicate : null);
    this.tagProblem.set(problem);
    if (problem) return;
    control.setValue([...control.value, tag]);
    control.markAsDirty();
    event.chipInput.clear();
  }

  protected removeTag(tag: string): void {
    const control = this.form().controls.manualTags;
    control.setValue(control.value.filter((each) => each !== tag));
    control.markAsDirty();
  }

  // ---- photo ----

  protected async pickPhoto(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = this.messages().portrait;
    const head = new Uint8Array(await file.slice(0, JPEG_MAGIC.length).arrayBuffer());
    const isJpeg = JPEG_MAGIC.every((byte, i) => head[i] === byte);
    const problem = !isJpeg ? text.photoNotJpeg : file.size > MAX_PHOTO_BYTES ? text.photoTooLarge(file.size) : null;
    this.photoProblem.set(problem);
    if (!problem) this.photo.set({ kind: 'replace', jpeg: file });
  }

  protected removePhoto(): void {
    this.photoProblem.set(null);
    this.photo.set(this.original()?.hasPhoto ? { kind: 'remove' } : { kind: 'keep' });
  }

  // ---- save, reload, delete ----

  protected save(): void {
    const form = this.form();
    this.failure.set(null);
    this.otherErrors.set([]);
    if (form.invalid) {
      form.markAllAsTouched();
      this.invalidCount.set(countInvalid(form));
      return;
    }
    this.invalidCount.set(0);
    const original = this.original();
    const input = toCadreInput(form, original);
    const checked = original
      ? CadreUpdateSchema.safeParse({ ...input, version: original.version })
      : CadreInputSchema.safeParse(input);
    if (!checked.success) {
      // The boxes passed one by one, yet the whole did not: show the schema's words where they belong.
      this.placeErrors(checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
      return;
    }
    const request = original ? this.api.update(original.id, { ...input, version: original.version }) : this.api.create(input);
    this.busy.set(true);
    request
      .pipe(
        concatMap((saved) => this.savePhoto(saved)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ saved, photoFailure }) => {
          this.busy.set(false);
          this.finished = true;
          const text = this.messages();
          this.snackBar.open(
            photoFailure ? text.portrait.savedWithoutPhoto(photoFailure.title) : text.common.saved,
            photoFailure ? text.common.close : undefined,
            photoFailure ? {} : { duration: 4000 },
          );
          void this.router.navigate(['/cadres', saved.id]);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.showSaveFailure(error);
        },
      });
  }

  /**
   * Continues from the record as the other person saved it, with this person's own changes and
   * the sides picked, and saves that against the new version.
   */
  protected mergeAndSave(choices: EditChoices): void {
    const conflict = this.conflict();
    if (!conflict) return;
    const merged = mergeEditConflict(conflict, choices);
    this.original.set(conflict.current);
    this.baseline.set(conflict.theirs);
    this.form.set(merged);
    this.conflict.set(null);
    this.save();
  }

  protected confirmDelete(): void {
    const record = this.original();
    if (!record) return;
    const text = this.messages().portrait;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: text.deleteTitle, message: text.confirmDelete(record.name), confirmLabel: text.delete },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        concatMap(() => {
          this.busy.set(true);
          return this.api.remove(record.id, record.version).pipe(
            map(() => true),
            catchError((error: unknown) => {
              this.busy.set(false);
              this.showDeleteFailure(record.name, error);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.busy.set(false);
        this.finished = true;
        this.snackBar.open(text.deleted(record.name), undefined, { duration: 4000 });
        void this.router.navigateByUrl(this.listPage());
      });
  }

  protected cancelLink(): string {
    const record = this.original();
    return record ? `/cadres/${record.id}` : this.listPage();
  }

  /** Where the records are listed: the ledger, or the user's own start page without it. */
  private listPage(): string {
    if (this.session.can('ledger:read')) return '/ledger';
    const me = this.session.me();
    return me ? this.navigator.landing(me) : '/';
  }

  private startFrom(record: CadreRecord): void {
    this.original.set(record);
    const form = buildCadreForm(record);
    this.form.set(form);
    this.baseline.set(form.getRawValue());
    this.conflict.set(null);
    this.failure.set(null);
    this.otherErrors.set([]);
    this.invalidCount.set(0);
    this.photo.set({ kind: 'keep' });
    this.photoProblem.set(null);
  }

  private startNew(): void {
    this.original.set(null);
    const form = buildCadreForm(null);
    // A unit manager records people of their own unit first; anyone may pick another unit.
    form.controls.unitId.setValue(this.session.me()?.unitId ?? null);
    this.form.set(form);
    this.baseline.set(form.getRawValue());
  }

  /** Sends the photo change after the record is saved, so a refused save never leaves a half-changed photo. */
  private savePhoto(saved: CadreRecord): Observable<{ saved: CadreRecord; photoFailure: FailureDescription | null }> {
    const change = this.photo();
    const request = change.kind === 'replace' ? this.api.putPhoto(saved.id, change.jpeg) : change.kind === 'remove' ? this.api.deletePhoto(saved.id) : null;
    if (!request) return of({ saved, photoFailure: null });
    return request.pipe(
      map(() => ({ saved, photoFailure: null })),
      catchError((error: unknown) => of({ saved, photoFailure: describeFailure(error, this.messages()) })),
    );
  }

  /**
   * A delete based on an old version is refused; there is nothing to merge (deleting gives up the
   * edits), so the editor shows the record as it now stands and the user decides again.
   */
  private showDeleteFailure(name: string, error: unknown): void {
    const current = conflictingRecordOf(error);
    if (!current) {
      this.showSaveFailure(error);
      return;
    }
    this.startFrom(current);
    this.failure.set({ title: this.messages().portrait.deleteConflict(name), detail: null, requestId: null });
  }

  private showSaveFailure(error: unknown): void {
    const current = conflictingRecordOf(error);
    if (current) {
      this.conflict.set({ current, base: this.baseline(), mine: this.form().getRawValue(), theirs: editValueOf(current) });
      return;
    }
    const form = this.form();
    const problems = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
    const placed = applyServerErrors(form, error);
    const unplaced = problems
      .filter(({ path }) => path.startsWith('body.'))
      .map(({ path, message }) => ({ path: path.slice('body.'.length), message }))
      .filter(({ path }) => !form.get(path));
    this.placeErrors(unplaced);
    if (!placed && unplaced.length === 0) this.failure.set(describeFailure(error, this.messages()));
  }

  /**
   * Shows field messages on the boxes they name: exactly, through an alias (简历 entries on the
   * 简历 box), or on the nearest enclosing control; what fits nowhere is listed by the save button.
   */
  private placeErrors(errors: readonly { path: string; message: string }[]): void {
    const form = this.form();
    const labels = this.messages().portrait.fields;
    const listed: string[] = [];
    for (const { path, message } of errors) {
      const [head = '', ...rest] = path.split('.');
      const control = findControl(form, [SERVER_PATH_ALIASES[head] ?? head, ...rest]);
      if (control && control !== form) {
        control.setErrors({ ...control.errors, server: [...((control.errors?.['server'] as string[] | undefined) ?? []), message] });
        control.markAsTouched();
      } else {
        listed.push(head in labels ? `${labels[head as RecordField]}：${message}` : message);
      }
    }
    this.otherErrors.update((current) => [...current, ...listed]);
  }
}

/** The deepest control along the path that exists, or null when not even the first step does. */
function findControl(form: CadreForm, path: readonly string[]): AbstractControl | null {
  let found: AbstractControl | null = null;
  for (let depth = 1; depth <= path.length; depth++) {
    const control = form.get(path.slice(0, depth).join('.'));
    if (!control) break;
    found = control;
  }
  return found;
}

/** Boxes that still need the person's attention: invalid controls with no invalid children. */
function countInvalid(control: AbstractControl): number {
  const children = 'controls' in control ? Object.values(control.controls as Record<string, AbstractControl>) : [];
  if (children.length === 0) return control.invalid ? 1 : 0;
  return children.reduce((sum, child) => sum + countInvalid(child), 0);
}
