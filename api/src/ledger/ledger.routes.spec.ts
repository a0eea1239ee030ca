import { createTestApp } from '../test/test-app.js';
import { signedInAs, type TestClient } from '../test/test-client.js';
import { aUnit } from '../test/factories.js';
import { UserModel } from '../users/user.model.js';
import { aPerson, aSmallDistrict, bornAged } from './ledger-fixtures.js';

const ALL = ['阿依古丽', '陈刚', '李娜', '王芳', '张伟', '赵敏'];

describe('GET /api/ledger', () => {
  const app = createTestApp();

  async function ledgerOf(client: TestClient, query: string) {
    const res = await client.get(`/api/ledger${query}`).expect(200);
    return res.body as { items: Array<Record<string, unknown>>; total: number; asOf: string };
  }

  describe('filters, in name order, with the count', () => {
    // [what, query (unit placeholders: {street} {centre} {bureau}), names]
    const cases: Array<[string, string, string[]]> = [
      ['no filter', '', ALL],
      ['a unit and the units below it', 'unitId={street}', ['阿依古丽', '李娜', '张伟', '赵敏']],
      ['a unit without sub-units', 'unitId={centre}', ['阿依古丽', '李娜']],
      ['one sex', 'sex=女', ['阿依古丽', '李娜', '王芳', '赵敏']],
      ['both sexes: any of the values', 'sex=男&sex=女', ALL],
      ['education', 'education=研究生', ['张伟', '赵敏']],
      ['two education levels', 'education=研究生&education=大学专科', ['王芳', '张伟', '赵敏']],
      ['category', 'category=专业技术类', ['李娜']],
      ['post level', 'postLevel=非领导职务', ['阿依古丽', '陈刚', '李娜']],
      ['rank', 'rank=二级科员', ['阿依古丽', '陈刚']],
      ['the youngest age band', `ageBand=${encodeURIComponent('35岁及以下')}`, ['阿依古丽', '张伟']],
      ['the oldest age band', `ageBand=${encodeURIComponent('56岁及以上')}`, ['赵敏']],
      ['a derived tag', 'tag=少数民族干部', ['阿依古丽']],
      ['a derived tag from the unit type', 'tag=基层经历', ['张伟', '赵敏']],
      ['a manual tag', 'tag=信访', ['张伟']],
      ['any of several tags', 'tag=女干部&tag=信访', ['阿依古丽', '李娜', '王芳', '张伟', '赵敏']],
      ['text in the post', 'q=主任', ['阿依古丽', '张伟']],
      ['text in the name', 'q=李', ['李娜']],
      ['filters combined', 'unitId={street}&sex=女&education=研究生', ['赵敏']],
      ['filters that exclude each other', 'sex=男&tag=女干部', []],
      ['a unit nobody is in', 'unitId=0123456789abcdef01234567', []],
    ];
    for (const [what, query, names] of cases) {
      it(what, async () => {
        const { street, centre, bureau } = await aSmallDistrict();
        const { client } = await signedInAs(app, ['org_admin']);
        const resolved = query.replace('{street}', String(street._id)).replace('{centre}', String(centre._id)).replace('{bureau}', String(bureau._id));
        const page = await ledgerOf(client, `?${resolved}`);
        expect(page.items.map((r) => r['name'])).toEqual(names);
        expect(page.total).toBe(names.length);
      });
    }
  });

  describe('sorts', () => {
    const cases: Array<[string, string, string[]]> = [
      ['by name in pinyin order by default', '', ALL],
      ['by name, descending', 'sort=name&direction=desc', [...ALL].reverse()],
      ['by age, youngest first', 'sort=age', ['阿依古丽', '张伟', '陈刚', '李娜', '王芳', '赵敏']],
      ['by age, oldest first', 'sort=age&direction=desc', ['赵敏', '王芳', '李娜', '陈刚', '张伟', '阿依古丽']],
      ['by birth month, earliest first', 'sort=birthMonth', ['赵敏', '王芳', '李娜', '陈刚', '张伟', '阿依古丽']],
      ['by education, highest first, then name', 'sort=education', ['张伟', '赵敏', '阿依古丽', '陈刚', '李娜', '王芳']],
      ['by post level, highest first', 'sort=postLevel', ['赵敏', '王芳', '张伟', '阿依古丽', '陈刚', '李娜']],
      ['by rank, highest first', 'sort=rank', ['赵敏', '王芳', '张伟', '李娜', '阿依古丽', '陈刚']],
      ['by unit in the order of the unit tree', 'sort=unitName', ['张伟', '赵敏', '阿依古丽', '李娜', '陈刚', '王芳']],
    ];
    for (const [what, query, names] of cases) {
      it(what, async () => {
        await aSmallDistrict();
        const { client } = await signedInAs(app, ['org_admin']);
        expect((await ledgerOf(client, `?${query}`)).items.map((r) => r['name'])).toEqual(names);
      });
    }
  });

  it('pages through the sorted rows, the count staying the whole filter', async () => {
    await aSmallDistrict();
    const { client } = await signedInAs(app, ['org_admin']);
    const pages = [];
    for (let page = 0; page < 4; page += 1) pages.push(await ledgerOf(client, `?sort=age&size=2&page=${page}`));
    expect(pages.map((p) => p.items.map((r) => r['name']))).toEqual([['阿依古丽', '张伟'], ['陈刚', '李娜'], ['王芳', '赵敏'], []]);
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6, 6]);
  });

  it('breaks ties by record, so that pages never repeat or skip a row', async () => {
    const unit = await aUnit();
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(String((await aPerson(unit, '刘洋', { birthMonth: '1990-01' }))._id));
    const { client } = await signedInAs(app, ['org_admin']);
    for (const sort of ['name', 'age']) {
      const seen = [];
      for (let page = 0; page < 3; page += 1) seen.push(...(await ledgerOf(client, `?sort=${sort}&size=2&page=${page}`)).items.map((r) => r['id']));
      expect(seen).withContext(sort).toEqual([...ids].sort());
    }
  });

  it('answers each row with its facts, derived values and tags at today’s date', async () => {
    const { centre, people } = await aSmallDistrict();
    const { client } = await signedInAs(app, ['org_admin']);
    const page = await ledgerOf(client, '?q=阿依古丽');
    expect(page.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(page.items[0]).toEqual(
      jasmine.objectContaining({
        id: String(people.ayiGuli._id),
        name: '阿依古丽',
        sex: '女',
        birthMonth: bornAged(29),
        age: 29,
        ethnicity: '维吾尔族',
        politicalStatus: '中共党员',
        education: '大学本科',
        unitId: String(centre._id),
        unitName: '观音桥社区服务中心',
        post: '社区服务中心主任',
        postLevel: '非领导职务',
        rank: '二级科员',
        tags: ['年轻干部', '女干部', '少数民族干部'],
      }),
    );
    expect(page.items[0]).not.toEqual(jasmine.objectContaining({ idNumberSealed: jasmine.anything() }));
  });

  describe('data scope', () => {
    it('shows a unit manager only their subtree, even when they filter for another unit', async () => {
      const { street, bureau } = await aSmallDistrict();
      const { client } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      expect((await ledgerOf(client, '')).items.map((r) => r['name'])).toEqual(['阿依古丽', '李娜', '张伟', '赵敏']);
      expect((await ledgerOf(client, `?unitId=${bureau._id}`)).total).toBe(0);
    });

    it('shows an assessor everyone', async () => {
      await aSmallDistrict();
      const { client } = await signedInAs(app, ['assessor']);
      expect((await ledgerOf(client, '')).total).toBe(6);
    });

    for (const role of ['reviewer', 'cadre'] as const) {
      it(`refuses a ${role}`, async () => {
        const { people, centre } = await aSmallDistrict();
        const { client } = await signedInAs(app, [role], { unitId: String(centre._id), cadreId: String(people.liNa._id) });
        const res = await client.get('/api/ledger').expect(403);
        expect(res.body.detail).toBe('您的角色无权执行此操作');
      });
    }

    it('refuses a unit manager who has no unit (an account stored before the rule that a unit manager keeps one)', async () => {
      const { street } = await aSmallDistrict();
      const { client, account } = await signedInAs(app, ['unit_manager'], { unitId: String(street._id) });
      await UserModel.updateOne({ _id: account.id }, { $set: { unitId: null } });
      const res = await client.get('/api/ledger').expect(403);
      expect(res.body.detail).toBe('您没有可访问的干部数据范围');
    });
  });

  describe('refuses bad parameters, saying which and why', () => {
    const cases: Array<[string, string, { path: string; message: string }]> = [
      ['an unknown value', 'sex=未知', { path: 'query.sex.0', message: '性别应为以下之一：男、女' }],
      ['an unknown age band', 'ageBand=30岁', { path: 'query.ageBand.0', message: '年龄段应为以下之一：35岁及以下、36-40岁、41-45岁、46-50岁、51-55岁、56岁及以上' }],
      ['an unknown sort', 'sort=idNumber', { path: 'query.sort', message: jasmine.stringContaining('排序列应为以下之一') as unknown as string }],
      ['too large a page', 'size=500', { path: 'query.size', message: '每页最多 200 条' }],
      ['a page that is no number', 'page=first', { path: 'query.page', message: '页码应为数字' }],
      ['a malformed unit', 'unitId=street', { path: 'query.unitId', message: '应为 24 位十六进制编号' }],
      ['too long a search', `q=${'长'.repeat(31)}`, { path: 'query.q', message: '搜索文字不超过 30 个字' }],
      ['an unknown parameter', 'idNumber=500101', { path: 'query', message: '不支持的查询参数：idNumber' }],
    ];
    for (const [what, query, error] of cases) {
      it(what, async () => {
        const { client } = await signedInAs(app, ['org_admin']);
        const res = await client.get(`/api/ledger?${encodeURI(query)}`).expect(400);
        expect(res.body.errors).toContain(jasmine.objectContaining(error));
      });
    }
  });
});
