import {
  formatAnnualAssessments,
  formatCommendations,
  formatResume,
  politicalStatusOf,
  type CadreRecord,
  type CorrectableField,
  type EducationRow,
} from '@cadre/shared-models';

const NOT_FILLED = '（未填写）';

function month(value: string | null): string {
  return value ? value.replace('-', '.') : '';
}

function orNotFilled(text: string): string {
  return text.trim() === '' ? NOT_FILLED : text;
}

function educationRow(row: EducationRow): string {
  const parts = [
    row.education,
    row.degree === '无' ? null : row.degree,
    row.educationSchool,
    row.degreeSchool !== row.educationSchool ? row.degreeSchool : null,
  ];
  return orNotFilled(parts.filter((part) => part !== null && part !== '').join(' '));
}

/**
 * A field of the record as the cadre and the reviewer read it, kept with the request so the
 * decision is made against what the record said when the cadre asked (e.g. an education row as
 * `大学本科 学士 西南大学汉语言文学专业`, the positions as the 简历 text).
 */
export function describeCorrectableField(record: CadreRecord, field: CorrectableField): string {
  switch (field) {
    case 'name':
    case 'ethnicity':
    case 'nativePlace':
    case 'birthPlace':
    case 'health':
    case 'professionalTitle':
    case 'expertise':
      return orNotFilled(record[field]);
    case 'birthMonth':
    case 'workStartMonth':
      return month(record[field]);
    case 'partyJoinMonth':
      return [record.otherParty ?? politicalStatusOf(record), month(record.partyJoinMonth)].filter(Boolean).join(' ');
    case 'fullTimeEducation':
    case 'inServiceEducation':
      return educationRow(record[field]);
    case 'positions':
      return orNotFilled(record.resumeText || formatResume(record.positions));
    case 'commendations':
      return orNotFilled(record.commendationsText || formatCommendations(record.commendations));
    case 'annualAssessments':
      return orNotFilled(record.annualAssessmentsText || formatAnnualAssessments(record.annualAssessments));
    case 'family':
      return orNotFilled(
        record.family
          .map((m) => [m.title, m.name, month(m.birthMonth), m.politicalStatus, m.workUnitAndPost].filter(Boolean).join(' '))
          .join('\n'),
      );
    case 'other':
      return '';
  }
}
