import type { Response } from 'superagent';
import { computeIdNumberCheckDigit } from '@cadre/shared-models';
import type { TestClient } from '../test/test-client.js';
import type { ExcelTemplateRow } from './excel-template.js';
import { CadreModel, CadrePhotoModel } from '../cadres/cadre.model.js';

/** Spec support for the import and export endpoints (not loaded by the app). */

/** A valid resident ID number: the 17th digit is odd for a man, even for a woman. */
export function anIdNumber(birthDate: string, sequence: string): string {
  const first17 = `500105${birthDate}${sequence}`;
  return first17 + computeIdNumberCheckDigit(first17);
}

function xsrfOf(client: TestClient): string {
  return (client as unknown as { xsrf: string }).xsrf;
}

/** Posts raw file bytes, as the client's upload does. */
export function uploadFile(client: TestClient, path: string, bytes: Buffer, contentType: string) {
  return client.agent.post(path).set('X-XSRF-TOKEN', xsrfOf(client)).set('Content-Type', contentType).send(bytes);
}

function collectBytes(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A GET whose body is kept as bytes (a file download). */
export function downloadFile(client: TestClient, path: string) {
  return client.agent.get(path).buffer(true).parse(collectBytes as never);
}

/** A POST with a JSON body whose answer is a file. */
export function postForFile(client: TestClient, path: string, body: object) {
  return client.agent.post(path).set('X-XSRF-TOKEN', xsrfOf(client)).send(body).buffer(true).parse(collectBytes as never);
}

/** Everything stored about cadres, to show that a refused import changed nothing. */
export async function cadreSnapshot(): Promise<string> {
  const [cadres, photos] = await Promise.all([
    CadreModel.collection.find().sort({ _id: 1 }).toArray(),
    CadrePhotoModel.collection.find().sort({ _id: 1 }).toArray(),
  ]);
  return JSON.stringify({ cadres, photos });
}

/** A valid row of the Excel template for a cadre of the unit with this code, with overrides. */
export function aRow(unitCode: string, overrides: ExcelTemplateRow = {}): ExcelTemplateRow {
  return {
    name: '王小明',
    sex: '男',
    birthMonth: '1985.03',
    ethnicity: '汉族',
    nativePlace: '重庆江北',
    birthPlace: '重庆渝中',
    idNumber: anIdNumber('19850312', '011'),
    partyJoinMonth: '2008.06',
    workStartMonth: '2008.07',
    health: '健康',
    'fullTimeEducation.education': '大学本科',
    'fullTimeEducation.degree': '学士',
    'fullTimeEducation.educationSchool': '西南大学法学院法学专业',
    unitCode,
    post: '某某街道党政办科员',
    postLevel: '非领导职务',
    rank: '一级科员',
    postStartMonth: '2015.03',
    category: '综合管理类',
    appointmentType: '委任',
    resume: '2004.09--2008.07  西南大学法学院法学专业学习\n2008.07--         某某街道党政办科员',
    ...overrides,
  };
}
