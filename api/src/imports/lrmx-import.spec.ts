import { unzipSync, zipSync } from 'fflate';
import {
  LRMX_FORM_FIELD_NAMES,
  LrmxPersonSchema,
  computeIdNumberCheckDigit,
  maskIdNumber,
  type CadreRecord,
  type ImportReport,
  type LrmxPerson,
} from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { CadreModel, CadrePhotoModel } from '../cadres/cadre.model.js';
import { sealIdNumber, unsealIdNumber } from '../cadres/id-number-storage.js';
import { toCadreRecord, type StoredCadre } from '../cadres/cadre-writer.js';
import { readLrmx, writeLrmx } from '../lrmx/lrmx-codec.js';
import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aCadre, aUnit } from '../test/factories.js';
import { ImportBatchModel } from './import-batch.model.js';
import { anIdNumber, cadreSnapshot, downloadFile, postForFile, uploadFile } from './import-spec-helpers.js';

/** Uploads parse whole workbooks and archives: well within this, but above Jasmine's 5 s on a busy machine. */
const SLOW_SPEC_MS = 30_000;

const PHOTO = '/9j/4AAQSkZJRgABAQ==';
const OTHER_PHOTO = '/9j/4AAQSkZJRgABAgAAAQ==';

/** A valid ID number whose check character is X, for the lower-case x case. */
function anIdNumberEndingInX(): string {
  for (let sequence = 101; ; sequence += 2) {
    const first17 = `50010519800512${sequence}`;
    if (computeIdNumberCheckDigit(first17) === 'X') return `${first17}X`;
  }
}

/**
 * A form the way other tools write them: BOM, CRLF, an xmlns attribute, self-closing and
 * whitespace-only elements, unknown elements first, in the middle, last and inside a family row,
 * a lower-case x, `<br>` in 简历, a non-CPC party, words the record normalises, and a photo.
 */
function aVariedForm(idNumber: string): Buffer {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Person xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <ZiDingYiKaiTou>开头</ZiDingYiKaiTou>',
    '  <XingMing>王\u3000五</XingMing>',
    '  <XingBie>男</XingBie>',
    '  <ChuShengNianYue>19800512</ChuShengNianYue>',
    '  <MinZu>汉族</MinZu>',
    '  <JiGuan>重庆江北</JiGuan>',
    '  <ChuShengDi>重庆渝中</ChuShengDi>',
    '  <RuDangShiJian>200106；民盟</RuDangShiJian>',
    '  <CanJiaGongZuoShiJian>200207</CanJiaGongZuoShiJian>',
    '  <DaoLingNianYue>204005</DaoLingNianYue>',
    '  <JianKangZhuangKuang></JianKangZhuangKuang>',
    '  <ZhuanYeJiShuZhiWu/>',
    '  <ShuXiZhuanYeYouHeZhuanChang>   </ShuXiZhuanYeYouHeZhuanChang>',
    '  <QuanRiZhiJiaoYu_XueLi>大学</QuanRiZhiJiaoYu_XueLi>',
    '  <QuanRiZhiJiaoYu_XueWei>经济学学士</QuanRiZhiJiaoYu_XueWei>',
    '  <QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>某某大学经济学院</QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>',
    '  <QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>某某大学</QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi>',
    '  <ZaiZhiJiaoYu_XueLi>研究生</ZaiZhiJiaoYu_XueLi>',
    '  <ZaiZhiJiaoYu_XueWei>管理学硕士</ZaiZhiJiaoYu_XueWei>',
    '  <ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>省委党校</ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi>',
    '  <ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi />',
    '  <XianRenZhiWu>某某街道办事处主任</XianRenZhiWu>',
    '  <NiRenZhiWu>某某街道党工委书记</NiRenZhiWu>',
    '  <NiMianZhiWu>某某街道办事处主任</NiMianZhiWu>',
    '  <JianLi>2002.07--2010.03  某某区某某局科员&lt;br&gt;2010.03--           某某街道办事处主任',
    '（其间：2012.09--2015.07 省委党校在职研究生学习）</JianLi>',
    '  <JiangChengQingKuang>2019.12 嘉奖\r\n2021.06 被评为优秀共产党员</JiangChengQingKuang>',
    '  <NianDuKaoHeJieGuo>2022、2023年度称职；2024年度优秀</NianDuKaoHeJieGuo>',
    '  <RenMianLiYou>工作需要</RenMianLiYou>',
    '  <JiaTingChengYuan>',
    '    <Item>',
    '      <ChengWei>妻子</ChengWei>',
    '      <XingMing>李四</XingMing>',
    '      <BeiZhu>无</BeiZhu>',
    '      <ChuShengRiQi>19820115</ChuShengRiQi>',
    '      <ZhengZhiMianMao>中共党员</ZhengZhiMianMao>',
    '      <GongZuoDanWeiJiZhiWu>某某区某某局科员</GongZuoDanWeiJiZhiWu>',
    '    </Item>',
    '  </JiaTingChengYuan>',
    '  <ChengBaoDanWei>中共某某区委组织部</ChengBaoDanWei>',
    '  <JiSuanNianLingShiJian>20260501</JiSuanNianLingShiJian>',
    '  <TianBiaoShiJian></TianBiaoShiJian>',
    '  <TianBiaoRen>赵六</TianBiaoRen>',
    `  <ShenFenZheng>${idNumber.toLowerCase()}</ShenFenZheng>`,
    `  <ZhaoPian>${PHOTO}</ZhaoPian>`,
    '  <Version>3.2.1.6</Version>',
    '  <GaiGeQianRenZhiNianLingJieXian>60周岁</GaiGeQianRenZhiNianLingJieXian>',
    '</Person>',
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

/** A plain form of a person, as the official editor would write it. */
function aPerson(name: string, idNumber: string, overrides: Partial<LrmxPerson> = {}): LrmxPerson {
  return LrmxPersonSchema.parse({
    name,
    sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    birthMonth: idNumber.slice(6, 12),
    ethnicity: '汉族',
    nativePlace: '重庆江北',
    partyJoin: '200807',
    workStartMonth: '200807',
    health: '健康',
    fullTimeEducation: '大学本科',
    fullTimeDegree: '学士',
    currentPost: '某某街道科员',
    resume: '2008.07--         某某街道科员',
    rewardsAndSanctions: '无',
    family: [{ title: '父亲', name: `${name.slice(0, 1)}某`, birthMonth: '195501', politicalStatus: '群众', workUnitAndPost: '退休' }],
    idNumber,
    version: '3.2.1.16',
    ...overrides,
  });
}

const lrmxFile = (person: LrmxPerson) => writeLrmx(person);
const zipOf = (files: Record<string, Buffer>) => Buffer.from(zipSync(files));

/** The fields of a record the form carries and the verbatim texts: what a round trip must keep. */
function formPart(record: CadreRecord): Record<string, unknown> {
  const keys = [...LRMX_FORM_FIELD_NAMES.filter((key) => key !== 'idNumber'), 'resumeText', 'commendationsText', 'annualAssessmentsText', 'hasPhoto'];
  return Object.fromEntries(keys.map((key) => [key, record[key as keyof CadreRecord]]));
}

async function recordOf(id: string): Promise<CadreRecord> {
  const doc = await CadreModel.findById(id).lean<StoredCadre>();
  return toCadreRecord(doc!, '');
}

describe('.lrmx import and export', () => {
  const app = createTestApp();
  let street: Awaited<ReturnType<typeof aUnit>>;
  let bureau: Awaited<ReturnType<typeof aUnit>>;
  let admin: TestClient;
  let defaults: string;

  beforeEach(async () => {
    const district = await aUnit({ name: '某某区委', type: 'party_committee' });
    street = await aUnit({ name: '某某街道', type: 'street', parent: district });
    bureau = await aUnit({ name: '某某局', type: 'department', parent: district });
    ({ client: admin } = await signedInAs(app, ['org_admin'], { unitId: String(district._id) }));
    defaults = new URLSearchParams({
      unitId: String(street._id),
      postLevel: '乡科级正职',
      rank: '一级主任科员',
      category: '综合管理类',
      appointmentType: '委任',
    }).toString();
  });

  function upload(client: TestClient, bytes: Buffer, fileName: string, query = defaults) {
    return uploadFile(client, `/api/imports/lrmx?fileName=${encodeURIComponent(fileName)}&${query}`, bytes, 'application/octet-stream');
  }

  async function importAndApply(client: TestClient, bytes: Buffer, fileName: string): Promise<ImportReport> {
    const report = (await upload(client, bytes, fileName).expect(201)).body as ImportReport;
    expect(report.problems).withContext(fileName).toEqual([]);
    await client.post(`/api/imports/${report.id}/apply`).expect(200);
    return report;
  }

  async function exportOf(client: TestClient, id: string): Promise<Buffer> {
    return (await downloadFile(client, `/api/cadres/${id}/lrmx`).expect(200)).body as Buffer;
  }

  it('imports a form written by another tool and exports the same values, unknown elements included', async () => {
    const idNumber = anIdNumberEndingInX();
    const original = aVariedForm(idNumber);
    const report = await importAndApply(admin, original, '王五.lrmx');
    expect(report.items).toEqual([
      { row: null, file: '王五.lrmx', name: '王五', action: 'create', cadreId: null, changes: [] },
    ]);

    const doc = await CadreModel.findOne().lean<StoredCadre>();
    expect(doc).toEqual(
      jasmine.objectContaining({
        name: '王五',
        birthMonth: '1980-05',
        partyJoinMonth: '2001-06',
        otherParty: '民盟',
        postLevel: '乡科级正职',
        postStartMonth: '2010-03',
        idNumberHash: sealIdNumber(idNumber).idNumberHash,
        hasPhoto: true,
      }),
    );
    expect(doc!.positions.length).toBe(2);
    expect((await CadrePhotoModel.findById(doc!._id).lean())!.jpeg.toString('base64')).toBe(PHOTO);

    const exported = await exportOf(admin, String(doc!._id));
    expect(readLrmx(exported)).toEqual(readLrmx(original));
  }, SLOW_SPEC_MS);

  it('imports an exported file over its record as unchanged, and restores a record edited since', async () => {
    await importAndApply(admin, aVariedForm(anIdNumberEndingInX()), '王五.lrmx');
    const doc = await CadreModel.findOne().lean<StoredCadre>();
    const id = String(doc!._id);
    const exported = await exportOf(admin, id);
    const before = await recordOf(id);

    const same = (await upload(admin, exported, '王五.lrmx').expect(201)).body as ImportReport;
    expect(same.items).toEqual([{ row: null, file: '王五.lrmx', name: '王五', action: 'unchanged', cadreId: id, changes: [] }]);
    expect(same.canApply).toBeFalse();

    await CadreModel.updateOne({ _id: doc!._id }, { $set: { post: '某某街道党工委书记', family: [], 'appointmentForm.extras': [] }, $inc: { __v: 1 } });
    const back = (await upload(admin, exported, '王五.lrmx').expect(201)).body as ImportReport;
    expect(back.items[0]!.action).toBe('update');
    expect(back.items[0]!.changes).toEqual([
      { field: '现任职务', before: '某某街道党工委书记', after: '某某街道办事处主任' },
      { field: '家庭主要成员及重要社会关系', before: '', after: '妻子 李四 19820115 中共党员 某某区某某局科员 BeiZhu：无' },
      {
        field: '其他元素',
        before: '',
        after: 'ZiDingYiKaiTou：开头\nDaoLingNianYue：204005\nGaiGeQianRenZhiNianLingJieXian：60周岁',
      },
    ]);
    await admin.post(`/api/imports/${back.id}/apply`).expect(200);
    expect(formPart(await recordOf(id))).toEqual(formPart(before));
    expect((await exportOf(admin, id)).equals(exported)).toBeTrue();
  }, SLOW_SPEC_MS);

  it('imports a zip: an update with its changes, an unchanged form and a new person, all applied together', async () => {
    const xId = anIdNumber('19850312', '011');
    const yId = anIdNumber('19900115', '022');
    await importAndApply(admin, zipOf({ 'x.lrmx': lrmxFile(aPerson('许一', xId)), 'y.lrmx': lrmxFile(aPerson('杨二', yId)) }), '两人.zip');
    const x = (await CadreModel.findOne({ name: '许一' }).lean<StoredCadre>())!;
    const y = (await CadreModel.findOne({ name: '杨二' }).lean<StoredCadre>())!;
    const yExport = await exportOf(admin, String(y._id));

    const upload3 = zipOf({
      '许一.lrmx': lrmxFile(aPerson('许一', xId, { currentPost: '某某街道党政办主任', photoBase64: OTHER_PHOTO })),
      '杨二.lrmx': yExport,
      '周三.lrmx': lrmxFile(aPerson('周三', anIdNumber('19870707', '033'), { resume: '2008.07--2015.01  科员\n2015.01--  某某街道副主任' })),
    });
    const report = (await upload(admin, upload3, '三人.zip').expect(201)).body as ImportReport;
    expect(report.items).toEqual([
      {
        row: null,
        file: '许一.lrmx',
        name: '许一',
        action: 'update',
        cadreId: String(x._id),
        changes: [
          { field: '现任职务', before: '某某街道科员', after: '某某街道党政办主任' },
          { field: '照片', before: '无', after: '新照片' },
        ],
      },
      { row: null, file: '杨二.lrmx', name: '杨二', action: 'unchanged', cadreId: String(y._id), changes: [] },
      { row: null, file: '周三.lrmx', name: '周三', action: 'create', cadreId: null, changes: [] },
    ]);
    expect(report.counts).toEqual({ total: 3, create: 1, update: 1, unchanged: 1, error: 0 });

    expect((await admin.post(`/api/imports/${report.id}/apply`).expect(200)).body).toEqual({ id: report.id, created: 1, updated: 1 });
    expect((await CadreModel.findById(x._id).lean<StoredCadre>())!.post).toBe('某某街道党政办主任');
    expect((await CadrePhotoModel.findById(x._id).lean())!.jpeg.toString('base64')).toBe(OTHER_PHOTO);
    expect((await CadreModel.findById(y._id).lean<StoredCadre>())!.__v).toBe(y.__v);
    expect((await CadreModel.findOne({ name: '周三' }).lean<StoredCadre>())!.postStartMonth).toBe('2015-01');
    expect(await AuditModel.countDocuments({ action: 'cadre.update', 'detail.importId': report.id })).toBe(1);
  }, SLOW_SPEC_MS);

  it('reports each bad file of a zip on its own, and nothing can be applied', async () => {
    const repeated = anIdNumber('19850312', '011');
    const doctype = Buffer.from('<?xml version="1.0"?><!DOCTYPE Person [<!ENTITY x "y">]><Person><XingMing>&x;</XingMing></Person>');
    const zip = zipOf({
      'doctype.lrmx': doctype,
      '说明.txt': Buffer.from('请查收'),
      '无身份证.lrmx': lrmxFile(aPerson('吴无', repeated, { idNumber: '' })),
      'a.lrmx': lrmxFile(aPerson('甲一', repeated)),
      'b.lrmx': lrmxFile(aPerson('乙二', repeated)),
      'good.lrmx': lrmxFile(aPerson('丙三', anIdNumber('19870707', '033'))),
      'bad-date.lrmx': lrmxFile(aPerson('丁四', anIdNumber('19880808', '055'), { workStartMonth: '2008年' })),
      'wrong-birth.lrmx': lrmxFile(aPerson('戊五', anIdNumber('19890909', '077'), { birthMonth: '198910' })),
    });
    const before = await cadreSnapshot();
    const report = (await upload(admin, zip, '多人.zip').expect(201)).body as ImportReport;
    expect(report.items.map((item) => [item.file, item.action])).toEqual([
      ['doctype.lrmx', 'error'],
      ['说明.txt', 'error'],
      ['无身份证.lrmx', 'error'],
      ['a.lrmx', 'error'],
      ['b.lrmx', 'error'],
      ['good.lrmx', 'create'],
      ['bad-date.lrmx', 'error'],
      ['wrong-birth.lrmx', 'error'],
    ]);
    expect(report.problems.map(({ file, column }) => [file, column])).toEqual([
      ['doctype.lrmx', null],
      ['说明.txt', null],
      ['无身份证.lrmx', 'ShenFenZheng'],
      ['a.lrmx', 'ShenFenZheng'],
      ['b.lrmx', 'ShenFenZheng'],
      ['bad-date.lrmx', 'CanJiaGongZuoShiJian'],
      ['wrong-birth.lrmx', 'ShenFenZheng'],
    ]);
    expect(report.problems[0]!.message).toMatch(/ENTITY|DOCTYPE/);
    expect(report.problems[1]!.message).toBe('不是 .lrmx 文件');
    expect(report.problems[3]!.message).toBe('与“b.lrmx”的身份证号相同，同一人只能导入一份任免审批表');
    expect(report.problems[5]!.message).toBe('参加工作时间“2008年”无法识别，应为 yyyyMM');
    expect(report.problems[6]).toEqual({
      row: null,
      file: 'wrong-birth.lrmx',
      column: 'ShenFenZheng',
      message: '身份证号中的出生年月为 1989.09，与所填出生年月 1989.10 不一致',
      name: '戊五',
    });
    expect(report.problems[3]!.name).toBe('甲一');
    expect(report.canApply).toBeFalse();
    expect((await admin.post(`/api/imports/${report.id}/apply`).expect(409)).body.code).toBe('import_has_problems');
    expect(await cadreSnapshot()).toBe(before);
  }, SLOW_SPEC_MS);

  it('refuses a single form with a DOCTYPE or an entity, storing nothing (security.md 25)', async () => {
    const forms = [
      '<?xml version="1.0"?><!DOCTYPE Person SYSTEM "file:///etc/passwd"><Person><XingMing>张三</XingMing></Person>',
      '<?xml version="1.0"?><!ENTITY x SYSTEM "file:///etc/passwd"><Person><XingMing>&x;</XingMing></Person>',
      '<?xml version="1.0"?><Person><XingMing>&ext;</XingMing></Person>',
    ];
    for (const form of forms) {
      const res = await upload(admin, Buffer.from(form), 'x.lrmx').expect(400);
      expect(res.body.code).toBe('lrmx_invalid');
    }
    expect(await ImportBatchModel.countDocuments()).toBe(0);
  }, SLOW_SPEC_MS);

  it('needs the options for new people, and says which are missing', async () => {
    const report = (await upload(admin, lrmxFile(aPerson('孙新', anIdNumber('19870707', '033'))), '孙新.lrmx', `unitId=${street._id}&rank=一级主任科员`).expect(201))
      .body as ImportReport;
    expect(report.problems).toEqual([
      { row: null, file: '孙新.lrmx', column: null, message: '系统中没有此人，新增档案需要在导入选项中选择：职务层次、干部类别、任用方式', name: '孙新' },
    ]);
  }, SLOW_SPEC_MS);

  describe('for a unit manager', () => {
    let manager: TestClient;

    beforeEach(async () => {
      ({ client: manager } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) }));
    });

    it('refuses a form matching a cadre outside the scope without revealing the record', async () => {
      const id = anIdNumber('19750505', '077');
      await aCadre(bureau, { ...sealIdNumber(id), name: '局里的人', post: '某某局副局长' });
      const report = (await upload(manager, lrmxFile(aPerson('局里的人', id)), 'x.lrmx').expect(201)).body as ImportReport;
      expect(report.items).toEqual([{ row: null, file: 'x.lrmx', name: '局里的人', action: 'error', cadreId: null, changes: [] }]);
      expect(report.problems).toEqual([
        { row: null, file: 'x.lrmx', column: 'ShenFenZheng', message: '该身份证号已登记在您数据范围以外的干部名下，不能由您导入；如需调整请联系组织部门', name: '局里的人' },
      ]);
      expect(JSON.stringify(report)).not.toContain('某某局');
    }, SLOW_SPEC_MS);

    it('refuses a unit for new people outside the scope', async () => {
      const res = await upload(manager, lrmxFile(aPerson('孙新', anIdNumber('19870707', '033'))), 'x.lrmx', defaults.replace(String(street._id), String(bureau._id))).expect(403);
      expect(res.body.code).toBe('unit_out_of_scope');
      expect(await ImportBatchModel.countDocuments()).toBe(0);
    }, SLOW_SPEC_MS);
  });

  describe('at apply time, all or none', () => {
    let xId: string;
    let x: StoredCadre;

    beforeEach(async () => {
      xId = anIdNumber('19850312', '011');
      await importAndApply(admin, lrmxFile(aPerson('许一', xId, { photoBase64: PHOTO })), 'x.lrmx');
      x = (await CadreModel.findOne({ name: '许一' }).lean<StoredCadre>())!;
    });

    const twoForms = (newId: string) =>
      zipOf({
        '许一.lrmx': lrmxFile(aPerson('许一', xId, { currentPost: '某某街道党政办主任', photoBase64: OTHER_PHOTO })),
        '周三.lrmx': lrmxFile(aPerson('周三', newId)),
      });

    it('answers 409 and applies nothing when a matched record changed since the preview', async () => {
      const report = (await upload(admin, twoForms(anIdNumber('19870707', '033')), 'z.zip').expect(201)).body as ImportReport;
      await CadreModel.updateOne({ _id: x._id }, { $set: { expertise: '基层治理' }, $inc: { __v: 1 } });
      const before = await cadreSnapshot();
      const res = await admin.post(`/api/imports/${report.id}/apply`).expect(409);
      expect(res.body).toEqual(jasmine.objectContaining({ code: 'version_conflict', detail: jasmine.stringMatching(/“许一\.lrmx”匹配的干部“许一”在预览之后被修改过/) }));
      expect(await cadreSnapshot()).toBe(before);
    }, SLOW_SPEC_MS);

    it('answers 409 and applies nothing when a new person’s ID number was registered since the preview', async () => {
      const newId = anIdNumber('19870707', '033');
      const report = (await upload(admin, twoForms(newId), 'z.zip').expect(201)).body as ImportReport;
      await aCadre(bureau, sealIdNumber(newId));
      const before = await cadreSnapshot();
      expect((await admin.post(`/api/imports/${report.id}/apply`).expect(409)).body.code).toBe('import_stale');
      expect(await cadreSnapshot()).toBe(before);
    }, SLOW_SPEC_MS);

    it('puts back an updated record and its photo when a later write fails', async () => {
      const report = (await upload(admin, twoForms(anIdNumber('19870707', '033')), 'z.zip').expect(201)).body as ImportReport;
      const before = await recordOf(String(x._id));
      spyOn(CadreModel, 'create').and.rejectWith(new Error('disk full'));

      const res = await admin.post(`/api/imports/${report.id}/apply`).expect(500);
      expect(res.body.detail).toBe('导入“周三.lrmx”时失败。已撤销本批次写入的 1 条记录，未导入任何数据');
      expect(formPart(await recordOf(String(x._id)))).toEqual(formPart(before));
      expect((await CadrePhotoModel.findById(x._id).lean())!.jpeg.toString('base64')).toBe(PHOTO);
      expect(await CadreModel.countDocuments()).toBe(1);
      expect(await AuditModel.countDocuments({ action: 'cadre.restore', objectId: String(x._id) })).toBe(1);
    }, SLOW_SPEC_MS);
  });

  describe('export', () => {
    it('writes one form with the ID number in clear and the photo, named after the cadre, audited', async () => {
      const id = anIdNumber('19850312', '011');
      await importAndApply(admin, lrmxFile(aPerson('许一', id, { photoBase64: PHOTO })), 'x.lrmx');
      const doc = (await CadreModel.findOne().lean<StoredCadre>())!;
      const res = await downloadFile(admin, `/api/cadres/${doc._id}/lrmx`).expect(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="cadre-${doc._id}.lrmx"; filename*=UTF-8''${encodeURIComponent('许一.lrmx')}`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(readLrmx(res.body as Buffer)).toEqual(jasmine.objectContaining({ idNumber: id, photoBase64: PHOTO }));
      const audit = await AuditModel.findOne({ action: 'cadre.export', objectId: String(doc._id) }).lean();
      expect(audit?.detail).toEqual(jasmine.objectContaining({ format: 'lrmx', idNumberIncluded: true, photoIncluded: true }));
    }, SLOW_SPEC_MS);

    it('masks the ID number for a unit manager, who may not reveal it, and says so in the audit', async () => {
      const id = anIdNumber('19850312', '011');
      const cadre = await aCadre(street, { ...sealIdNumber(id), name: '许一', birthMonth: '1985-03' });
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      const file = (await downloadFile(client, `/api/cadres/${cadre._id}/lrmx`).expect(200)).body as Buffer;
      expect(file.toString('utf8')).not.toContain(id);
      expect(readLrmx(file).idNumber).toBe(maskIdNumber(id));
      const audit = await AuditModel.findOne({ action: 'cadre.export', objectId: String(cadre._id) }).lean();
      expect(audit?.detail).toEqual(jasmine.objectContaining({ idNumberIncluded: false, idNumberMasked: true }));

      const zip = await postForFile(client, '/api/cadres/lrmx-export', { cadreIds: [String(cadre._id)] }).expect(200);
      const [zipped] = Object.values(unzipSync(zip.body as Uint8Array));
      expect(readLrmx(Buffer.from(zipped!)).idNumber).toBe(maskIdNumber(id));
    }, SLOW_SPEC_MS);

    it('refuses a masked ID number on re-import, writing nothing and keeping the stored number', async () => {
      const id = anIdNumber('19850312', '011');
      const cadre = await aCadre(street, { ...sealIdNumber(id), name: '许一', birthMonth: '1985-03' });
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      const exported = (await downloadFile(client, `/api/cadres/${cadre._id}/lrmx`).expect(200)).body as Buffer;
      const edited = lrmxFile({ ...readLrmx(exported), currentPost: '某某街道办事处主任' });
      const before = await cadreSnapshot();

      const report = (await upload(client, edited, '许一.lrmx').expect(201)).body as ImportReport;
      expect(report.items.map((item) => item.action)).toEqual(['error']);
      expect(report.problems).toEqual([
        jasmine.objectContaining({ column: 'ShenFenZheng', message: '身份证号是脱敏后的号码（前6后4），请填写完整的身份证号' }),
      ]);
      await client.post(`/api/imports/${report.id}/apply`).expect(409);
      expect(await cadreSnapshot()).toBe(before);
      const stored = (await CadreModel.findById(cadre._id).lean<StoredCadre>())!;
      expect(unsealIdNumber(stored.idNumberSealed!)).toBe(id);
    }, SLOW_SPEC_MS);

    it('answers 403 for a cadre outside the caller’s scope', async () => {
      const outside = await aCadre(bureau);
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      await client.get(`/api/cadres/${outside._id}/lrmx`).expect(403);
      expect(await AuditModel.countDocuments({ action: 'cadre.export', result: 'denied' })).toBe(1);
    }, SLOW_SPEC_MS);

    it('zips a selection with unique 姓名-后四位 names, and refuses the whole request for one cadre out of scope', async () => {
      // Two namesakes whose ID numbers end alike, and one without an ID number.
      const ids: string[] = [];
      for (let n = 0; ids.length < 2; n++) {
        const id = anIdNumber(`1980${String((n % 12) + 1).padStart(2, '0')}${10 + Math.floor(n / 12)}`, '011');
        if (ids.length === 0 || id.slice(-4) === ids[0]!.slice(-4)) ids.push(id);
      }
      const first = await aCadre(street, { ...sealIdNumber(ids[0]!), name: '张三' });
      const second = await aCadre(street, { ...sealIdNumber(ids[1]!), name: '张三' });
      const third = await aCadre(street, { name: '李/四' });
      const res = await postForFile(admin, '/api/cadres/lrmx-export', { cadreIds: [first._id, second._id, third._id].map(String) }).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      const files = unzipSync(res.body as Uint8Array);
      const suffix = ids[0]!.slice(-4);
      expect(Object.keys(files)).toEqual([`张三-${suffix}.lrmx`, `张三-${suffix}-2.lrmx`, `李四-${String(third._id).slice(-6)}.lrmx`]);
      expect(readLrmx(Buffer.from(files[`张三-${suffix}-2.lrmx`]!)).idNumber).toBe(ids[1]);
      expect(await AuditModel.countDocuments({ action: 'cadre.export', result: 'success' })).toBe(3);

      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      const outside = await aCadre(bureau);
      const refused = await client.post('/api/cadres/lrmx-export', { cadreIds: [String(first._id), String(outside._id)] }).expect(404);
      expect(refused.body.detail).toBe('所选干部中有不存在或不在您数据范围内的，未导出任何文件');
      expect(await AuditModel.countDocuments({ action: 'cadre.export', result: 'success' })).toBe(3);
    }, SLOW_SPEC_MS);
  });
});
