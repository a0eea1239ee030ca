import { DOCUMENT, Injectable, inject } from '@angular/core';

/** A file the API sent as an attachment, ready to hand to the browser. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/**
 * The file name of a `Content-Disposition: attachment` header. The API names files in Chinese,
 * so the RFC 6266 `filename*=UTF-8''…` form wins over the plain `filename`; any folder part is
 * dropped, and without a usable name the fallback is used.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header)?.slice(1).find((part) => part !== undefined);
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : fallback;
}

/** How long the browser gets to start reading a saved file before its object URL is released. */
const RELEASE_AFTER_MS = 60_000;

/**
 * Saves a downloaded file through an object URL and a temporary link. The CSP allows no inline
 * script but does not restrict a link's target, so this works under `script-src 'self'`.
 */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  save(file: DownloadedFile): void {
    const url = URL.createObjectURL(file.blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // Released later rather than at once: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  }
}
