import {
  formatAnnualAssessments,
  formatCommendations,
  formatResume,
  politicalStatusOf,
  type CadreRecord,
  type CorrectableField,
} from '@cadre/shared-models';
import { dotted, educationText, partyText, schoolText } from './record-format';

/** The fields of a record a person edits, in the order the edit page shows them. */
export const RECORD_FIELDS = [
  'name',
  'sex',
  'birthMonth',
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'idNumber',
  'partyJoinMonth',
  'workStartMonth',
  'health',
  'unitId',
  'post',
  'postLevel',
  'rank',
  'postStartMonth',
  'category',
  'appointmentType',
  'professionalTitle',
  'expertise',
  'fullTimeEducation',
  'inServiceEducation',
  'positions',
  'commendations',
  'annualAssessments',
  'family',
  'manualTags',
  'appointmentForm',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/**
 * A field of the record as one line of text (several for lists): what the correction dialog
 * shows. Party membership reads as the form prints it; 群众 has no party text.
 */
export function fieldText(record: CadreRecord, field: RecordField): string {
  switch (field) {
    case 'birthMonth':
    case 'workStartMonth':
    case 'postStartMonth':
      return dotted(record[field]);
    case 'partyJoinMonth':
      return partyText(record) || politicalStatusOf(record);
    case 'unitId':
      return record.unitName;
    case 'idNumber':
      return record.idNumberMasked ?? '';
    case 'fullTimeEducation':
    case 'inServiceEducation':
      return [educationText(record[field]), schoolText(record[field])].filter((part) => part).join('，');
    case 'positions':
      return record.resumeText || formatResume(record.positions);
    case 'commendations':
      return record.commendationsText || formatCommendations(record.commendations);
    case 'annualAssessments':
      return record.annualAssessmentsText || formatAnnualAssessments(record.annualAssessments);
    case 'family':
      return record.family
        .map((m) => [m.title, m.name, dotted(m.birthMonth), m.politicalStatus, m.workUnitAndPost].filter((part) => part).join(' '))
        .join('\n');
    case 'manualTags':
      return record.manualTags.join('、');
    case 'appointmentForm': {
      const form = record.appointmentForm;
      return [form.proposedPost, form.postToRemove, form.appointmentReason, form.submittingUnit, form.filledBy]
        .filter((part) => part)
        .join('；');
    }
    default:
      return record[field];
  }
}

/** The current text of a field a cadre asks to have corrected; '' for 其他, which names no field. */
export function correctableFieldText(record: CadreRecord, field: CorrectableField): string {
  return field === 'other' ? '' : fieldText(record, field);
}
