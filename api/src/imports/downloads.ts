import type { Response } from 'express';

/**
 * Sends a generated file as an attachment: an ASCII name for old clients, the Chinese name for the
 * rest, both made by the server (never taken from a request), and nosniff so a browser never
 * reinterprets the bytes.
 */
export function sendAttachment(res: Response, file: { bytes: Buffer; contentType: string; asciiName: string; name: string }): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(200).end(file.bytes);
}

/** A name that no file system reads as a path or device, for names taken from records. */
export function toFileNamePart(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\u0000-\u001F]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 40);
}
