import { crc32, inflateRawSync } from 'node:zlib';
import { LrmxError } from './lrmx-error.js';

export interface ZipLimits {
  maxArchiveBytes: number;
  /** Files, not counting folders. */
  maxEntries: number;
  maxEntryBytes: number;
  /** The uncompressed sizes of all files together. */
  maxTotalBytes: number;
}

/** A file in an archive, listed from the central directory; `read` unpacks it or throws LrmxError. */
export interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares; `read` refuses data that unpacks to anything else. */
  size: number;
  read: () => Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MEGABYTE = 1024 * 1024;

/**
 * Lists the files of a zip archive without unpacking any. Zip bombs are refused from the sizes
 * the archive declares, and every unpacking is capped by what it declared (node:zlib stops at
 * maxOutputLength), so neither memory nor time grows with a lie.
 */
export function listZipEntries(zip: Buffer, limits: ZipLimits): ZipEntry[] {
  if (zip.length > limits.maxArchiveBytes) {
    throw new LrmxError(`压缩包大小超过 ${formatSize(limits.maxArchiveBytes)} 上限`, undefined, 413);
  }
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new LrmxError('不支持 zip64 格式的压缩包');

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (!isInside(zip, offset, 46) || zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw corrupt();
    const nameLength = zip.readUInt16LE(offset + 28);
    if (!isInside(zip, offset + 46, nameLength)) throw corrupt();
    const header = {
      flags: zip.readUInt16LE(offset + 8),
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
    };
    const name = decodeName(zip.subarray(offset + 46, offset + 46 + nameLength), (header.flags & 0x800) !== 0);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    if (name.endsWith('/')) continue;

    declaredTotal += header.size;
    if (entries.length >= limits.maxEntries) {
      throw new LrmxError(`压缩包中的文件超过 ${limits.maxEntries} 个`, undefined, 413);
    }
    if (declaredTotal > limits.maxTotalBytes) {
      throw new LrmxError(`压缩包解压后超过 ${formatSize(limits.maxTotalBytes)} 上限`, undefined, 413);
    }
    entries.push({ name, size: header.size, read: () => unpack(zip, header, limits.maxEntryBytes) });
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new LrmxError('文件不是 zip 压缩包');
}

interface CentralHeader {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function unpack(zip: Buffer, header: CentralHeader, maxBytes: number): Buffer {
  if ((header.flags & 0x1) !== 0) throw new LrmxError('文件已加密，无法读取');
  if (header.method !== STORED && header.method !== DEFLATED) throw new LrmxError('文件的压缩方式不受支持');
  if (header.size > maxBytes) throw new LrmxError(`文件大小超过 ${formatSize(maxBytes)} 上限`, undefined, 413);

  if (!isInside(zip, header.localOffset, 30) || zip.readUInt32LE(header.localOffset) !== LOCAL_FILE_HEADER) {
    throw corruptEntry();
  }
  const start =
    header.localOffset + 30 + zip.readUInt16LE(header.localOffset + 26) + zip.readUInt16LE(header.localOffset + 28);
  if (!isInside(zip, start, header.compressedSize)) throw corruptEntry();
  const packed = zip.subarray(start, start + header.compressedSize);

  let data: Buffer;
  try {
    data = header.method === STORED ? Buffer.from(packed) : inflateRawSync(packed, { maxOutputLength: header.size || 1 });
  } catch {
    // Also reached when the data unpacks to more than the header declared.
    throw corruptEntry();
  }
  if (data.length !== header.size || crc32(data) !== header.crc) throw corruptEntry();
  return data;
}

// Windows' own zip writes names in the system code page (GBK on Chinese systems) without the
// UTF-8 flag; reading them as UTF-8 would garble every Chinese file name.
function decodeName(bytes: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return bytes.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** `12 MB`, `40 KB`: a size as the refusal messages say it. */
export function formatSize(bytes: number): string {
  return bytes >= MEGABYTE ? `${Math.round(bytes / MEGABYTE)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function isInside(zip: Buffer, offset: number, length: number): boolean {
  return offset + length <= zip.length;
}

function corrupt(): LrmxError {
  return new LrmxError('压缩包已损坏');
}

function corruptEntry(): LrmxError {
  return new LrmxError('压缩包中的这个文件已损坏');
}
