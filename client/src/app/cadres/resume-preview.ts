import { parseResume, type ResumeEntry } from '@cadre/shared-models';

/** What a 简历 text parses to, and the lines that give no entry (and so would not be kept). */
export interface ResumePreview {
  readonly entries: readonly ResumeEntry[];
  readonly unparsed: readonly string[];
}

// A sub-entry line (（其间：…）) only means something after an entry; the shared parser is asked
// about it behind this stand-in, so the editor and the API agree on what a line yields.
const STAND_IN = '2000.01--2000.02  stand-in';

function yieldsSubEntries(line: string): boolean {
  return /^[（(]/.test(line) && (parseResume(`${STAND_IN}\n${line}`)[0]?.subEntries?.length ?? 0) > 0;
}

export function previewResume(text: string): ResumePreview {
  const lines = text
    .replace(/<br\s*\/?>/gi, '\n')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const unparsed: string[] = [];
  let afterEntry = false;
  for (const line of lines) {
    if (parseResume(line).length > 0) afterEntry = true;
    else if (!(afterEntry && yieldsSubEntries(line))) unparsed.push(line);
  }
  return { entries: parseResume(text), unparsed };
}
