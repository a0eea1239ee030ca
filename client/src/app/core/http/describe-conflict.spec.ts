import { aProblem } from '../../../testing/me';
import { ApiError } from './api-error';
import { describeConflict } from './describe-conflict';
import type { Problem } from '@cadre/shared-models';

function refusal(status: number, code: string, detail?: string): ApiError {
  return new ApiError(status, aProblem(status, code, detail ? { detail } : {}) as Problem);
}

describe('describeConflict', () => {
  it('asks to reload when the revision was stale', () => {
    expect(describeConflict(refusal(409, 'stale_revision', '考核已被他人修改，请刷新后重试'), '其他人已修改，请刷新')).toBe('其他人已修改，请刷新');
    expect(describeConflict(refusal(409, 'version_conflict'), '其他人已修改，请刷新')).toBe('其他人已修改，请刷新');
  });

  it('gives the server’s reason for any other conflict', () => {
    expect(describeConflict(refusal(409, 'framework_published', '该版本已发布，不能修改'), '其他人已修改，请刷新')).toBe('该版本已发布，不能修改');
  });

  it('is no conflict for other failures', () => {
    expect(describeConflict(refusal(400, 'validation_failed', '输入有误'), '其他人已修改，请刷新')).toBeNull();
    expect(describeConflict(new TypeError('boom'), '其他人已修改，请刷新')).toBeNull();
  });
});
