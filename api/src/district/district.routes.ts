import { DistrictSchema } from '@cadre/shared-models';
import type { ApiBuilder } from '../platform/endpoint.js';
import { AppError } from '../platform/errors.js';
import { DistrictModel } from './district.model.js';

export function registerDistrictRoutes(api: ApiBuilder): void {
  api.add({
    method: 'get',
    path: '/district',
    // Public: the sign-in page shows which district, and whether its data is the fictional demo.
    access: 'public',
    operationId: 'getDistrict',
    summary: 'The district this deployment serves, and whether its data is the fictional demo',
    tags: ['district'],
    success: { status: 200, description: 'district', schema: DistrictSchema },
    handler: async () => {
      const district = await DistrictModel.findOne({ key: 'district' }).lean();
      if (!district) throw new AppError(404, 'district_not_configured', '尚未初始化行政区信息');
      return { name: district.name, demo: district.demo };
    },
  });
}
