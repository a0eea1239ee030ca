import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { provideAuth } from './core/auth/provide-auth';
import { sessionExpiryInterceptor } from './core/auth/session-expiry-interceptor';
import { problemInterceptor } from './core/http/problem-interceptor';
import { provideI18n } from './core/i18n/provide-i18n';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Route and query parameters arrive as component inputs (`returnUrl`, a cadre's `id`).
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      // The expiry check sits outside problemInterceptor so it sees ApiErrors.
      withInterceptors([sessionExpiryInterceptor, problemInterceptor]),
    ),
    // ngx-charts still animates through @angular/animations triggers, which fail without an
    // animations renderer; the async variant keeps that code out of the initial bundle.
    provideAnimationsAsync(),
    provideI18n(),
    provideAuth(),
  ],
};
