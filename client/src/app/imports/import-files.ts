import { MAX_IMPORT_BYTES } from '@cadre/shared-models';

/** Why a chosen file is refused before it is sent; the server still checks the real type by its bytes. */
export type FileRefusal =
  | { readonly reason: 'empty' }
  | { readonly reason: 'tooLarge'; readonly limit: number }
  | { readonly reason: 'wrongType'; readonly extensions: readonly string[] };

/** What an import accepts: file endings (lower-case, with the dot, as `<input accept>` lists them) and a size cap. */
export interface FileRules {
  readonly extensions: readonly string[];
  /** Null where the contract names no limit; the server's 413 then speaks for itself. */
  readonly maxBytes: number | null;
}

export const EXCEL_FILES: FileRules = { extensions: ['.xlsx'], maxBytes: MAX_IMPORT_BYTES };
export const LRMX_FILES: FileRules = { extensions: ['.lrmx', '.zip'], maxBytes: null };

/**
 * Checks what the browser knows about a chosen file before uploading it: a file the server would
 * refuse anyway (too large, empty, plainly another kind) is refused at once, without waiting for
 * megabytes to travel.
 */
export function checkImportFile(file: Pick<File, 'name' | 'size'>, { extensions, maxBytes }: FileRules): FileRefusal | null {
  const name = file.name.toLowerCase();
  if (!extensions.some((extension) => name.endsWith(extension))) return { reason: 'wrongType', extensions };
  if (file.size === 0) return { reason: 'empty' };
  if (maxBytes !== null && file.size > maxBytes) return { reason: 'tooLarge', limit: maxBytes };
  return null;
}

/** A size as people read it: bytes, KB or MB with one decimal where it matters. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trimDecimal(bytes / 1024)} KB`;
  return `${trimDecimal(bytes / (1024 * 1024))} MB`;
}

function trimDecimal(value: number): string {
  return value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
}
