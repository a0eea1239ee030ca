import * as z from 'zod';

/** Kinds of unit in a district's organization tree (组织树). */
export const UNIT_TYPES = [
  'party_committee',
  'org_department',
  'department',
  'street',
  'town',
  'state_enterprise',
  'public_institution',
] as const;
export const UnitTypeSchema = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof UnitTypeSchema>;

/** Chinese labels of unit types, as the organization department names them. */
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  party_committee: '区委',
  org_department: '组织部门',
  department: '党政部门',
  street: '街道',
  town: '镇',
  state_enterprise: '国有企业',
  public_institution: '事业单位',
};

export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, '应为 24 位十六进制编号');

export const UnitSchema = z.object({
  id: ObjectIdSchema,
  name: z.string().min(1).max(60),
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, '单位代码应为 2–20 位大写字母、数字或连字符'),
  type: UnitTypeSchema,
  parentId: ObjectIdSchema.nullable(),
  /** Ancestor ids from the root down, so a subtree is one indexed query. */
  ancestorIds: z.array(ObjectIdSchema),
  sortOrder: z.number().int().min(0),
});
export type Unit = z.infer<typeof UnitSchema>;

export const DistrictSchema = z.object({
  name: z.string(),
  demo: z.boolean().describe('true when the data is the generated, fictional demo district'),
});
export type District = z.infer<typeof DistrictSchema>;

export const UnitCreateRequestSchema = z
  .object({
    name: z.string().trim().min(1, '请输入单位名称').max(60),
    code: UnitSchema.shape.code,
    type: UnitTypeSchema,
    parentId: ObjectIdSchema,
    sortOrder: z.number().int().min(0).default(0),
  })
  .strict();
export type UnitCreateRequest = z.infer<typeof UnitCreateRequestSchema>;

export const UnitUpdateRequestSchema = z
  .object({
    version: z.number().int(),
    name: z.string().trim().min(1).max(60).optional(),
    code: UnitSchema.shape.code.optional(),
    type: UnitTypeSchema.optional(),
    parentId: ObjectIdSchema.optional(),
    sortOrder: z.number().int().min(0).optional(),
  })
  .strict();
export type UnitUpdateRequest = z.infer<typeof UnitUpdateRequestSchema>;

export const UnitWithVersionSchema = UnitSchema.extend({ version: z.number().int() });
export const UnitListSchema = z.object({ items: z.array(UnitWithVersionSchema) });
export const UnitIdParamsSchema = z.object({ id: ObjectIdSchema }).strict();
export type UnitWithVersion = z.infer<typeof UnitWithVersionSchema>;
