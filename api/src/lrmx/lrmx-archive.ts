import { zipSync } from 'fflate';
import type { LrmxPerson } from '@cadre/shared-models';
import { MAX_LRMX_BYTES, readLrmx, writeLrmx } from './lrmx-codec.js';
import { LrmxError } from './lrmx-error.js';
import { listZipEntries, type ZipLimits } from './zip-entries.js';

/** Room for a district's cadres with photos (about 100 KB a form) and no more. */
export const LRMX_ARCHIVE_LIMITS: ZipLimits = {
  maxArchiveBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: MAX_LRMX_BYTES,
  maxTotalBytes: 200 * 1024 * 1024,
};

export type LrmxArchiveResult = { fileName: string; person: LrmxPerson } | { fileName: string; error: string };

/**
 * Reads every `.lrmx` file in a zip archive. A file that cannot be read gets its own error, so one
 * bad form does not stop the others; an archive that breaks the limits is refused whole.
 */
export function readLrmxArchive(zip: Buffer, limits: ZipLimits = LRMX_ARCHIVE_LIMITS): LrmxArchiveResult[] {
  return listZipEntries(zip, limits).map((entry): LrmxArchiveResult => {
    const fileName = entry.name;
    if (!isSafeEntryName(fileName)) return { fileName, error: '文件名含有绝对路径或“..”，不予导入' };
    if (!/\.lrmx$/i.test(fileName)) return { fileName, error: '不是 .lrmx 文件' };
    try {
      return { fileName, person: readLrmx(entry.read()) };
    } catch (err) {
      if (err instanceof LrmxError) return { fileName, error: err.message };
      throw err;
    }
  });
}

/**
 * Packs forms into one zip. File names are made here, `<name>-<n>.lrmx`, from the suggested name
 * or the cadre's name stripped of anything a file system could read as a path.
 */
export function writeLrmxArchive(files: ReadonlyArray<{ fileName?: string; person: LrmxPerson }>): Buffer {
  const entries: Record<string, Uint8Array> = {};
  files.forEach(({ fileName, person }, index) => {
    const base = toSafeBaseName(fileName?.replace(/\.lrmx$/i, '') ?? '') || toSafeBaseName(person.name) || '任免审批表';
    entries[`${base}-${index + 1}.lrmx`] = writeLrmx(person);
  });
  return Buffer.from(zipSync(entries));
}

// Names are never used as paths here, but whoever unpacks the archive again might.
function isSafeEntryName(name: string): boolean {
  if (/^[/\\]|^[A-Za-z]:|[\u0000-\u001F]/.test(name)) return false;
  return !name.split(/[/\\]/).includes('..');
}

function toSafeBaseName(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\u0000-\u001F]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 40);
}
