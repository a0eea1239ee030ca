import type { CadreRecord, LrmxFormRecord } from '@cadre/shared-models';
import { unsealIdNumber } from '../cadres/id-number-storage.js';
import { readCadrePhoto, toCadreRecord, unitNameOf, type StoredCadre } from '../cadres/cadre-writer.js';

/**
 * A stored cadre as the appointment form sees it: the record, its ID number in clear and its
 * photo. Only for writing a form file (export) or comparing one with an upload (import); the
 * clear number never goes into an API response.
 */
export async function formRecordOf(doc: StoredCadre): Promise<{ record: CadreRecord; form: LrmxFormRecord }> {
  const record = toCadreRecord(doc, await unitNameOf(doc.unitId));
  const photo = record.hasPhoto ? await readCadrePhoto(record.id) : null;
  return {
    record,
    form: {
      ...record,
      idNumber: doc.idNumberSealed ? unsealIdNumber(doc.idNumberSealed) : null,
      photoBase64: photo === null ? null : photo.toString('base64'),
    },
  };
}
