import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';
import { AuthSession } from '../core/auth/auth-session';
import { ConfirmDialog, type ConfirmDialogData } from '../core/dialogs/confirm-dialog';
import { I18n } from '../core/i18n/i18n';

/** A page holding edits that a navigation away would throw away. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * Asks before leaving a page with unsaved edits; staying is the answer unless the person
 * confirms. Without a session nobody is asked: it ended (idle timeout, signed out elsewhere,
 * account disabled) and the server refuses every save, so staying cannot keep the edits, while
 * a prompt would stand between the person and the login page they are being sent to.
 */
export const confirmLeavingUnsaved: CanDeactivateFn<HoldsUnsavedChanges> = (page) => {
  if (!page.hasUnsavedChanges() || inject(AuthSession).me() === null) return true;
  const text = inject(I18n).messages().portrait;
  return inject(MatDialog)
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: { title: text.leaveTitle, message: text.leaveMessage, confirmLabel: text.leaveConfirm },
      maxWidth: '95vw',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
};
