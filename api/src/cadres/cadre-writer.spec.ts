import { Types } from 'mongoose';
import { CadreInputSchema, computeIdNumberCheckDigit, type CadreInput } from '@cadre/shared-models';
import { AuditModel } from '../audit/audit.model.js';
import { ProjectionChangeModel } from '../projections/change-feed.js';
import { aCadre, aCadreInput, aUnit } from '../test/factories.js';
import { CadreModel, CadrePhotoModel } from './cadre.model.js';
import {
  checkCadreConsistency,
  findIdNumberOwners,
  prepareCadreFields,
  restoreCadre,
  toCadreRecord,
  unchangedFormTexts,
  undoCadreCreation,
  writeCadreChanges,
  writeNewCadre,
  type CadreUnit,
  type StoredCadre,
} from './cadre-writer.js';
import { sealIdNumber } from './id-number-storage.js';
import { SERVER_OPERATOR } from '../platform/actor.js';

const UNIT: CadreUnit = {
  _id: new Types.ObjectId('0123456789abcdef01234567'),
  name: '甲街道',
  type: 'street',
  ancestorIds: [new Types.ObjectId('0123456789abcdef01234560')],
};

function parsed(overrides: Partial<CadreInput> = {}) {
  return CadreInputSchema.parse(aCadreInput(UNIT, overrides));
}

/** Valid resident ID numbers: the 17th digit is odd for a man. */
const MALE_ID = withCheckDigit('50010519800512123');
const OTHER_ID = withCheckDigit('50010519820312124');

function withCheckDigit(first17: string): string {
  return first17 + computeIdNumberCheckDigit(first17);
}

/** The actor of a batch job, with no session. */
const NO_SESSION = SERVER_OPERATOR;

describe('cadre writer: the rules every write goes through', () => {
  describe('prepareCadreFields', () => {
    const education: Array<[string, Partial<CadreInput>, { education: string; degree: string; school: string }]> = [
      ['full-time only', {}, { education: '大学本科', degree: '学士', school: '西南大学汉语言文学专业' }],
      [
        'a higher in-service row',
        { inServiceEducation: { education: '研究生', degree: '硕士', educationSchool: '重庆大学', degreeSchool: '重庆大学' } },
        { education: '研究生', degree: '硕士', school: '重庆大学' },
      ],
      [
        'a tie, won by full-time',
        { inServiceEducation: { education: '大学本科', degree: null, educationSchool: '中央党校', degreeSchool: '' } },
        { education: '大学本科', degree: '学士', school: '西南大学汉语言文学专业' },
      ],
      [
        'no education at all',
        { fullTimeEducation: { education: null, degree: null, educationSchool: '', degreeSchool: '' } },
        { education: '高中及以下', degree: '无', school: '' },
      ],
    ];
    for (const [what, overrides, expected] of education) {
      it(`derives 最高学历 from ${what}`, () => {
        expect(prepareCadreFields(parsed(overrides), UNIT)).toEqual(jasmine.objectContaining(expected));
      });
    }

    it('places the record under its unit: path from the root down, unit type copied', () => {
      const fields = prepareCadreFields(parsed(), UNIT);
      expect(fields.unitId).toEqual(UNIT._id);
      expect(fields.unitPath).toEqual([UNIT.ancestorIds[0]!, UNIT._id]);
      expect(fields.unitType).toBe('street');
    });

    it('generates the form texts from the entries, or keeps the given ones verbatim', () => {
      const generated = prepareCadreFields(parsed({ commendations: [], annualAssessments: [] }), UNIT);
      // An open end is padded to the width of a month, so the texts line up in the form.
      expect(generated.resumeText).toBe(`1998.09--2002.07  西南大学汉语言文学专业学习\n2002.07--${' '.repeat(9)}重庆市江北区某街道办事处科员`);
      expect(generated.commendationsText).toBe('无');
      expect(generated.annualAssessmentsText).toBe('');
      const kept = prepareCadreFields(parsed(), UNIT, { resumeText: '原样简历', commendationsText: '原样奖惩', annualAssessmentsText: '原样考核' });
      expect([kept.resumeText, kept.commendationsText, kept.annualAssessmentsText]).toEqual(['原样简历', '原样奖惩', '原样考核']);
    });

    it('seals, hashes and masks an ID number, and leaves the ID fields out when there is none (an update keeps the stored one)', () => {
      const id = MALE_ID;
      const fields = prepareCadreFields(parsed({ idNumber: id }), UNIT);
      expect(fields.idNumberMasked).toBe(`500105********${MALE_ID.slice(-4)}`);
      expect(fields.idNumberHash).toBe(sealIdNumber(id).idNumberHash);
      expect(JSON.stringify(fields)).not.toContain(id);
      expect('idNumber' in fields).toBeFalse();
      const none = prepareCadreFields(parsed(), UNIT);
      expect(['idNumberSealed', 'idNumberHash', 'idNumberMasked'].filter((k) => k in none)).toEqual([]);
    });

    it('drops repeated manual tags', () => {
      expect(prepareCadreFields(parsed({ manualTags: ['后备干部', '选调生', '后备干部'] }), UNIT).manualTags).toEqual(['后备干部', '选调生']);
    });
  });

  describe('checkCadreConsistency', () => {
    const asOf = new Date('2026-06-15T00:00:00Z');
    const cases: Array<[string, Partial<CadreInput>, string[]]> = [
      ['a consistent record', {}, []],
      ['work before birth', { workStartMonth: '1980-04' }, ['row.workStartMonth']],
      ['work in the birth month', { workStartMonth: '1980-05', postStartMonth: '2015-03' }, []],
      ['party before birth', { partyJoinMonth: '1979-12' }, ['row.partyJoinMonth']],
      ['post before work', { postStartMonth: '2002-06' }, ['row.postStartMonth']],
      ['a post start next month', { postStartMonth: '2026-07' }, ['row.postStartMonth']],
      ['a post start this month', { postStartMonth: '2026-06' }, []],
      ['无党派人士 with a join month', { otherParty: '无党派人士' }, ['row.partyJoinMonth']],
      ['无党派人士 without one', { otherParty: '无党派人士', partyJoinMonth: null }, []],
      ['民盟 with its join month', { otherParty: '民盟', partyJoinMonth: '2001-06' }, []],
      ['a man’s ID number for a woman', { sex: '女', idNumber: MALE_ID }, ['row.idNumber']],
      ['a man’s ID number for a man', { idNumber: MALE_ID }, []],
      [
        'a sub-entry ending before it starts',
        { positions: [{ start: '2005-01', end: '2010-01', text: '科员', subEntries: [{ start: '2006-09', end: '2006-03', text: '党校学习' }] }] },
        ['row.positions.0.subEntries.0.end'],
      ],
      ['an open position', { positions: [{ start: '2005-01', end: null, text: '科员' }] }, []],
    ];
    for (const [what, overrides, paths] of cases) {
      it(`${what}: ${paths.length === 0 ? 'no errors' : paths.join(', ')}`, () => {
        const errors = checkCadreConsistency(parsed(overrides), 'row', asOf);
        expect(errors.map((e) => e.path)).toEqual(paths);
        for (const error of errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  });

  describe('unchangedFormTexts', () => {
    it('keeps each text whose entries are unchanged and drops the others for regeneration', () => {
      const input = parsed();
      const before = {
        ...prepareCadreFields(input, UNIT, { resumeText: '原样简历', commendationsText: '原样奖惩', annualAssessmentsText: '原样考核' }),
        _id: new Types.ObjectId(),
        __v: 0,
      } as unknown as StoredCadre;
      expect(unchangedFormTexts(before, input)).toEqual({ resumeText: '原样简历', commendationsText: '原样奖惩', annualAssessmentsText: '原样考核' });
      const edited = { ...input, annualAssessments: [...input.annualAssessments, { year: 2024, grade: '优秀' as const }] };
      expect(unchangedFormTexts(before, edited)).toEqual({ resumeText: '原样简历', commendationsText: '原样奖惩', annualAssessmentsText: undefined });
    });
  });

  describe('toCadreRecord', () => {
    it('gives the version, the unit name and the derived tags at the given date, never the sealed or hashed ID number', () => {
      const fields = prepareCadreFields(parsed({ sex: '女', birthMonth: '1995-02', workStartMonth: '2017-07', partyJoinMonth: null, postStartMonth: '2019-01' }), UNIT);
      const doc = { ...fields, _id: new Types.ObjectId(), __v: 3, hasPhoto: true, updatedAt: new Date('2026-01-02T03:04:05Z') } as unknown as StoredCadre;
      const record = toCadreRecord(doc, '甲街道', new Date('2026-06-15T00:00:00Z'));
      expect(record.version).toBe(3);
      expect(record.unitName).toBe('甲街道');
      expect(record.hasPhoto).toBeTrue();
      expect(record.updatedAt).toBe('2026-01-02T03:04:05.000Z');
      expect(record.derivedTags.map((t) => t.tag)).toEqual(['年轻干部', '女干部', '党外干部', '基层经历', '近三年考核优秀', '任现职满五年']);
      expect(Object.keys(record)).not.toContain('idNumberSealed');
      expect(Object.keys(record)).not.toContain('idNumberHash');
    });

    it('reads a sparse document (written before the full record existed) with the schema’s defaults', () => {
      const doc = {
        _id: new Types.ObjectId(),
        __v: 0,
        name: '旧记录',
        sex: '男',
        birthMonth: '1970-01',
        ethnicity: '汉族',
        workStartMonth: '1990-07',
        education: '大学本科',
        degree: '学士',
        unitId: UNIT._id,
        unitPath: [UNIT._id],
        unitType: 'department',
        post: '科长',
        postLevel: '乡科级正职',
        rank: '一级主任科员',
        postStartMonth: '2010-01',
        category: '综合管理类',
        appointmentType: '委任',
      } as unknown as StoredCadre;
      const record = toCadreRecord(doc, '某局', new Date('2026-06-15T00:00:00Z'));
      expect(record.positions).toEqual([]);
      expect(record.fullTimeEducation).toEqual({ education: null, degree: null, educationSchool: '', degreeSchool: '' });
      expect(record.appointmentForm.extras).toEqual([]);
      expect(record.commendationsText).toBe('无');
      expect(record.health).toBe('健康');
    });
  });

  describe('the writes an import chains (no session: a batch job)', () => {
    it('finds the holders of many ID numbers in one call', async () => {
      const unit = await aUnit();
      const holder = await aCadre(unit, sealIdNumber(MALE_ID));
      await aCadre(unit);
      const owners = await findIdNumberOwners([sealIdNumber(MALE_ID).idNumberHash, sealIdNumber(OTHER_ID).idNumberHash]);
      expect([...owners.values()]).toEqual([{ id: String(holder._id), name: holder.name, unitId: String(unit._id), version: 0 }]);
      expect((await findIdNumberOwners([])).size).toBe(0);
    });

    it('writes a new record with the import batch, audits it, and leaves the ledger note to the caller when asked', async () => {
      const unit = await aUnit({ type: 'street' });
      const batch = new Types.ObjectId();
      const fields = prepareCadreFields(CadreInputSchema.parse(aCadreInput(unit)), unit);
      const record = await writeNewCadre(NO_SESSION, fields, unit.name, { importBatchId: batch, auditDetail: { importId: String(batch) }, noteLedger: false });
      expect(String((await CadreModel.findById(record.id).lean())!.importBatchId)).toBe(String(batch));
      const [audit] = await AuditModel.find({ action: 'cadre.create' }).lean();
      expect(audit!.detail!['importId']).toBe(String(batch));
      expect(audit!.detail!['changes']).toEqual(jasmine.objectContaining({ name: { after: record.name } }));
      expect(await ProjectionChangeModel.countDocuments({ feed: 'ledger' })).toBe(0);
    });

    it('restores an updated record to its previous content with a newer version, audited as cadre.restore', async () => {
      const unit = await aUnit({ type: 'street' });
      const other = await aUnit({ name: '乙街道', type: 'street' });
      const cadre = await aCadre(unit);
      const previous = (await CadreModel.findById(cadre._id).lean()) as unknown as StoredCadre;
      const input = CadreInputSchema.parse({ ...aCadreInput(other), name: cadre.name, post: '导入后的职务' });
      const updated = await writeCadreChanges(NO_SESSION, previous, 0, prepareCadreFields(input, other), other.name);
      expect(updated.version).toBe(1);

      await restoreCadre(NO_SESSION, previous);
      const restored = (await CadreModel.findById(cadre._id).lean())!;
      expect(restored.post).toBe('科员');
      expect(String(restored.unitId)).toBe(String(unit._id));
      expect(restored.__v).toBe(2);
      const [audit] = await AuditModel.find({ action: 'cadre.restore' }).lean();
      expect(audit!.detail!['changes']).toEqual(jasmine.objectContaining({ post: { before: '导入后的职务', after: '科员' } }));
      expect(await ProjectionChangeModel.countDocuments({ feed: 'ledger' })).toBe(2);
    });

    it('undoes a creation with its photo, audited as a delete', async () => {
      const unit = await aUnit();
      const cadre = await aCadre(unit, { hasPhoto: true });
      await CadrePhotoModel.create({ _id: cadre._id, jpeg: Buffer.from([0xff, 0xd8, 0xff]) });
      await undoCadreCreation(NO_SESSION, String(cadre._id));
      expect(await CadreModel.exists({ _id: cadre._id })).toBeNull();
      expect(await CadrePhotoModel.exists({ _id: cadre._id })).toBeNull();
      const [audit] = await AuditModel.find({ action: 'cadre.delete' }).lean();
      expect(audit!.detail!['reason']).toBe('undo_creation');
    });
  });
});
