import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { aMe, aProblem } from '../../../testing/me';
import { ApiError } from '../http/api-error';
import { problemInterceptor } from '../http/problem-interceptor';
import { AuthSession } from './auth-session';

describe('AuthSession', () => {
  let session: AuthSession;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(
          withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
          withInterceptors([problemInterceptor]),
        ),
        provideHttpClientTesting(),
      ],
    });
    session = TestBed.inject(AuthSession);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('takes the user and their permissions from GET /api/auth/session', async () => {
    const loaded = firstValueFrom(session.refresh());
    backend.expectOne('/api/auth/session').flush(aMe({ roles: ['security_admin'] }));

    expect((await loaded)?.displayName).toBe('张敏');
    expect(session.can('user:grant')).toBeTrue();
    expect(session.can('user:create')).toBeFalse();
  });

  it('reads a 401 from the session check as nobody signed in', async () => {
    const loaded = firstValueFrom(session.refresh());
    backend.expectOne('/api/auth/session').flush(aProblem(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });

    expect(await loaded).toBeNull();
    expect(session.me()).toBeNull();
    expect(session.can('stats:read')).toBeFalse();
  });

  it('reports other failures of the session check instead of pretending nobody is signed in', async () => {
    const loaded = firstValueFrom(session.refresh()).catch((error: unknown) => error);
    backend.expectOne('/api/auth/session').flush(aProblem(503, 'database_unavailable'), { status: 503, statusText: 'Unavailable' });

    expect(((await loaded) as ApiError).status).toBe(503);
  });

  it('rejects a session body that does not match the shared schema', async () => {
    const loaded = firstValueFrom(session.refresh()).catch((error: unknown) => error);
    backend.expectOne('/api/auth/session').flush({ ...aMe(), stage: 'half-way' });

    expect(await loaded).not.toBeNull();
    expect(session.me()).toBeNull();
  });

  it('signs out on the server, then fetches the session again for a fresh XSRF cookie', async () => {
    session.set(aMe());
    const done = firstValueFrom(session.logout());
    backend.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    backend.expectOne('/api/auth/session').flush(aProblem(401, 'unauthenticated'), { status: 401, statusText: 'Unauthorized' });
    await done;

    expect(session.me()).toBeNull();
  });
});
