import { inject, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AuthSession } from './auth-session';

/**
 * Loads the session before the first route is resolved, so guards know who is signed in. If the
 * API cannot be reached the app still starts, signed out: the login page then reports the
 * connection problem when the user tries, instead of a blank page now.
 */
export function provideAuth(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const session = inject(AuthSession);
    return firstValueFrom(session.refresh().pipe(catchError(() => of(null))));
  });
}
