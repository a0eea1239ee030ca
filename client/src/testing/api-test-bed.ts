import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, type UrlTree } from '@angular/router';
import { problemInterceptor } from '../app/core/http/problem-interceptor';
import { provideI18n } from '../app/core/i18n/provide-i18n';

/**
 * Configures a test bed whose HTTP calls reach a fake backend through the app's problem
 * interceptor, so components see the same `ApiError`s as in production. The language starts at
 * the default whatever an earlier test chose. Returns the backend to answer and verify.
 */
export function configureApiTestBed(...providers: (Provider | EnvironmentProviders)[]): HttpTestingController {
  localStorage.removeItem('cadre.language');
  TestBed.configureTestingModule({
    providers: [
      ...providers,
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
      provideI18n(),
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** Records where the component navigates, without leaving the page under test. */
export function spyOnNavigation(): jasmine.Spy<(url: UrlTree) => Promise<boolean>> {
  return spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true) as jasmine.Spy<
    (url: UrlTree) => Promise<boolean>
  >;
}
