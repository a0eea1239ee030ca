import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CadreDistributionSchema } from '@cadre/shared-models';
import { firstValueFrom } from 'rxjs';
import { MESSAGES_EN } from '../i18n/messages-en';
import { MESSAGES_ZH_CN } from '../i18n/messages-zh-cn';
import { ApiError } from './api-error';
import { describeFailure } from './describe-failure';
import { problemInterceptor } from './problem-interceptor';

const problem = {
  type: 'about:blank',
  title: '服务暂不可用',
  status: 503,
  code: 'database_unavailable',
  detail: '数据库正在启动',
  requestId: 'req-42',
};

describe('problemInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  async function failureOf(respond: (url: string) => void): Promise<unknown> {
    const pending = firstValueFrom(http.get('/api/anything')).then(
      () => fail('expected the request to fail'),
      (error: unknown) => error,
    );
    respond('/api/anything');
    return pending;
  }

  it('keeps an RFC 9457 body as the error problem', async () => {
    const error = await failureOf((url) =>
      backend.expectOne(url).flush(problem, { status: 503, statusText: 'Service Unavailable' }),
    );

    expect(error).toEqual(jasmine.any(ApiError));
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).problem).toEqual(problem);
  });

  it('reports a body that is not a problem as a bare status', async () => {
    const error = await failureOf((url) =>
      backend.expectOne(url).flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );

    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).problem).toBeNull();
  });

  it('reads the problem of a refused download, whose body arrives as a blob', async () => {
    const pending = firstValueFrom(http.get('/api/file.xlsx', { responseType: 'blob' })).then(
      () => fail('expected the request to fail'),
      (error: unknown) => error,
    );
    const body = new Blob([JSON.stringify(problem)], { type: 'application/problem+json' });
    backend.expectOne('/api/file.xlsx').flush(body, { status: 503, statusText: 'Service Unavailable' });
    const error = await pending;

    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).problem).toEqual(problem);
  });

  it('reports a refused download whose body is not JSON by its status alone', async () => {
    const pending = firstValueFrom(http.get('/api/file.xlsx', { responseType: 'blob' })).then(
      () => fail('expected the request to fail'),
      (error: unknown) => error,
    );
    backend.expectOne('/api/file.xlsx').flush(new Blob(['<html>Bad gateway</html>']), { status: 502, statusText: 'Bad Gateway' });
    const error = await pending;

    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).problem).toBeNull();
  });

  it('reports a request that never got a response as status 0', async () => {
    const error = await failureOf((url) => backend.expectOne(url).error(new ProgressEvent('error')));

    expect((error as ApiError).status).toBe(0);
  });
});

describe('describeFailure', () => {
  it("shows the server's problem title, detail and request id in Chinese", () => {
    expect(describeFailure(new ApiError(503, problem), MESSAGES_ZH_CN)).toEqual({
      title: '服务暂不可用',
      detail: '数据库正在启动',
      requestId: 'req-42',
    });
  });

  it('in English shows the code’s English words instead of the Chinese detail', () => {
    expect(describeFailure(new ApiError(503, problem), MESSAGES_EN)).toEqual({
      title: 'The database is unavailable; try again later.',
      detail: null,
      requestId: 'req-42',
    });
  });

  it('gives a problem without detail the words of its code, and an unknown code its status', () => {
    const bare = { ...problem, code: 'out_of_scope', status: 403, title: '无权访问', detail: undefined };
    expect(describeFailure(new ApiError(403, bare), MESSAGES_ZH_CN).detail).toBe('该档案不在您的数据范围内');
    const unknown = { ...problem, code: 'something_new', status: 409, title: '数据已被他人修改', detail: undefined };
    expect(describeFailure(new ApiError(409, unknown), MESSAGES_ZH_CN)).toEqual({ title: '数据已被他人修改', detail: null, requestId: 'req-42' });
    expect(describeFailure(new ApiError(409, unknown), MESSAGES_EN).title).toBe('The server returned an error (HTTP 409).');
  });

  it('explains a missing response as a connection problem in the interface language', () => {
    expect(describeFailure(new ApiError(0, null), MESSAGES_ZH_CN).title).toBe('无法连接服务器，请检查网络后重试。');
    expect(describeFailure(new ApiError(0, null), MESSAGES_EN).title).toContain('Cannot reach the server');
  });

  it('names the HTTP status when the server sent no problem', () => {
    expect(describeFailure(new ApiError(502, null), MESSAGES_ZH_CN).title).toBe('服务器返回错误（HTTP 502）。');
  });

  it('calls a response that fails the shared schema a format problem', () => {
    const parsed = CadreDistributionSchema.safeParse({ total: 'many' });

    expect(parsed.success).toBeFalse();
    expect(describeFailure(parsed.error, MESSAGES_ZH_CN).title).toBe('服务器返回的数据格式不正确。');
  });

  it('falls back to a generic message for anything else', () => {
    expect(describeFailure(new TypeError('boom'), MESSAGES_EN)).toEqual({
      title: 'Something unexpected went wrong.',
      detail: null,
      requestId: null,
    });
  });
});
