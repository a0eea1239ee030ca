import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aMe, aProblem, signIn } from '../../../testing/me';
import { ApiError } from '../http/api-error';
import { problemInterceptor } from '../http/problem-interceptor';
import { AuthSession } from './auth-session';
import { sessionExpiryInterceptor } from './session-expiry-interceptor';

describe('sessionExpiryInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor, problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    signIn(aMe({ roles: ['sys_admin'] }));
  });
  afterEach(() => backend.verify());

  async function failWith401(method: 'GET' | 'POST', url: string, code: string): Promise<unknown> {
    const pending = firstValueFrom(method === 'GET' ? http.get(url) : http.post(url, {})).catch((error: unknown) => error);
    backend.expectOne(url).flush(aProblem(401, code), { status: 401, statusText: 'Unauthorized' });
    return pending;
  }

  it('forgets the user and opens the login page with 会话已过期 when an API call gets 401', async () => {
    const error = await failWith401('GET', '/api/users', 'unauthenticated');

    expect(TestBed.inject(AuthSession).me()).toBeNull();
    expect(navigate).toHaveBeenCalledOnceWith(['/login'], { queryParams: { returnUrl: '/', reason: 'expired' } });
    expect(error).withContext('the caller still sees the failure').toEqual(jasmine.any(ApiError));
  });

  it('navigates once when parallel calls fail together', async () => {
    const first = firstValueFrom(http.get('/api/users')).catch(() => null);
    const second = firstValueFrom(http.get('/api/units')).catch(() => null);
    for (const url of ['/api/users', '/api/units']) {
      backend.expectOne(url).flush(aProblem(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });
    }
    await Promise.all([first, second]);

    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('leaves the session alone when the login itself or the session check answers 401', async () => {
    await failWith401('POST', '/api/auth/login', 'invalid_credentials');
    await failWith401('GET', '/api/auth/session', 'unauthenticated');

    expect(TestBed.inject(AuthSession).me()).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('treats a wrong current password or TOTP code as an answer, not an expired session', async () => {
    await failWith401('POST', '/api/auth/password', 'invalid_credentials');
    await failWith401('POST', '/api/auth/totp/enrollment/confirm', 'invalid_totp');

    expect(TestBed.inject(AuthSession).me()).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('passes other failures through untouched', async () => {
    const pending = firstValueFrom(http.get('/api/users')).catch((error: unknown) => error);
    backend.expectOne('/api/users').flush(aProblem(403, 'forbidden'), { status: 403, statusText: 'Forbidden' });

    expect(((await pending) as ApiError).status).toBe(403);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('keeps the original destination when the second-factor step itself expires', async () => {
    signIn(aMe({ roles: ['sys_admin'], stage: 'totp_required' }));
    spyOnProperty(TestBed.inject(Router), 'url').and.returnValue('/login?returnUrl=%2Fadmin%2Fusers');

    await failWith401('POST', '/api/auth/totp', 'unauthenticated');

    expect(navigate).toHaveBeenCalledOnceWith(['/login'], { queryParams: { returnUrl: '/admin/users', reason: 'expired' } });
  });
});
