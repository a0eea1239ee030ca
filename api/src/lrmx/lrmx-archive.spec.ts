import { zipSync, type Zippable } from 'fflate';
import { LrmxPersonSchema, type LrmxPerson } from '@cadre/shared-models';
import { readLrmxArchive, writeLrmxArchive, type LrmxArchiveResult } from './lrmx-archive.js';
import { writeLrmx } from './lrmx-codec.js';
import { LrmxError } from './lrmx-error.js';
import type { ZipLimits } from './zip-entries.js';

const CENTRAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

function aPerson(name: string, idNumber = ''): LrmxPerson {
  const family = [{ title: '妻子', name: '李四' }];
  return LrmxPersonSchema.parse({ name, sex: '男', birthMonth: '198005', idNumber, family, version: '3.2.1.16' });
}

function aZip(files: Zippable): Buffer {
  return Buffer.from(zipSync(files));
}

function fileNames(results: LrmxArchiveResult[]): string[] {
  return results.map((result) => result.fileName);
}

function errorOf(results: LrmxArchiveResult[], fileName: string): string | undefined {
  const result = results.find((candidate) => candidate.fileName === fileName);
  return result && 'error' in result ? result.error : undefined;
}

function expectRefusal(read: () => unknown, message: RegExp, status: number): void {
  expect(read).toThrowMatching((err) => err instanceof LrmxError && message.test(err.message) && err.status === status);
}

describe('writeLrmxArchive then readLrmxArchive', () => {
  it('reproduces three forms, named <name>-<n>.lrmx in order', () => {
    const people = [aPerson('张三', '500105198005120012'), aPerson('李四'), aPerson('王五')];
    const results = readLrmxArchive(writeLrmxArchive(people.map((person) => ({ person }))));
    expect(results).toEqual([
      { fileName: '张三-1.lrmx', person: people[0]! },
      { fileName: '李四-2.lrmx', person: people[1]! },
      { fileName: '王五-3.lrmx', person: people[2]! },
    ]);
  });

  it('makes a safe name from a suggested file name that tries to leave the folder', () => {
    const zip = writeLrmxArchive([
      { fileName: '../../etc/passwd', person: aPerson('张三') },
      { fileName: 'C:\\Windows\\赵六.lrmx', person: aPerson('赵六') },
      { fileName: '...', person: aPerson('') },
    ]);
    expect(fileNames(readLrmxArchive(zip))).toEqual(['etcpasswd-1.lrmx', 'CWindows赵六-2.lrmx', '任免审批表-3.lrmx']);
  });
});

describe('readLrmxArchive', () => {
  const form = writeLrmx(aPerson('张三'));

  it('reports each file on its own: good forms, a non-lrmx entry and a broken form', () => {
    const results = readLrmxArchive(
      aZip({ '干部/张三.lrmx': form, '说明.txt': Buffer.from('readme'), 'broken.lrmx': Buffer.from('not xml'), 'b.LRMX': form }),
    );
    expect(fileNames(results)).toEqual(['干部/张三.lrmx', '说明.txt', 'broken.lrmx', 'b.LRMX']);
    expect(results[0]).toEqual({ fileName: '干部/张三.lrmx', person: aPerson('张三') });
    expect(errorOf(results, '说明.txt')).toBe('不是 .lrmx 文件');
    expect(errorOf(results, 'broken.lrmx')).toMatch(/不是 XML/);
    expect(errorOf(results, 'b.LRMX')).toBeUndefined();
  });

  it('refuses entries whose names climb out of the folder or are absolute, and reads the rest', () => {
    const results = readLrmxArchive(
      aZip({ '../evil.lrmx': form, 'a/../../evil.lrmx': form, '/etc/evil.lrmx': form, 'C:\\evil.lrmx': form, 'ok.lrmx': form }),
    );
    for (const name of ['../evil.lrmx', 'a/../../evil.lrmx', '/etc/evil.lrmx', 'C:\\evil.lrmx']) {
      expect(errorOf(results, name)).withContext(name).toMatch(/不予导入/);
    }
    expect(results.find((result) => result.fileName === 'ok.lrmx')).toEqual({ fileName: 'ok.lrmx', person: aPerson('张三') });
  });

  it('reads a Chinese file name written in GBK without the UTF-8 flag, as Windows writes it', () => {
    const zip = aZip({ 'ab12.lrmx': form });
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三
    for (let at = zip.indexOf('ab12.lrmx'); at >= 0; at = zip.indexOf('ab12.lrmx', at + 1)) gbk.copy(zip, at);
    expect(fileNames(readLrmxArchive(zip))).toEqual(['张三.lrmx']);
  });

  it('reports an encrypted entry', () => {
    const zip = aZip({ 'a.lrmx': form });
    const central = zip.indexOf(CENTRAL_FILE_HEADER);
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 0x1, central + 8);
    expect(errorOf(readLrmxArchive(zip), 'a.lrmx')).toBe('文件已加密，无法读取');
  });

  it('reports an entry that unpacks to more than its header declares, without unpacking it all', () => {
    const zip = aZip({ 'a.lrmx': Buffer.alloc(4 * 1024 * 1024, ' ') });
    zip.writeUInt32LE(100, zip.indexOf(CENTRAL_FILE_HEADER) + 24);
    expect(errorOf(readLrmxArchive(zip), 'a.lrmx')).toBe('压缩包中的这个文件已损坏');
  });

  describe('with small limits', () => {
    const limits: ZipLimits = { maxArchiveBytes: 64 * 1024, maxEntries: 3, maxEntryBytes: 16 * 1024, maxTotalBytes: 40 * 1024 };
    // Spaces compress about a thousandfold: the shape of a zip bomb.
    const spaces = (kilobytes: number) => Buffer.alloc(kilobytes * 1024, ' ');

    it('reports a single entry over the per-file cap', () => {
      const results = readLrmxArchive(aZip({ 'big.lrmx': spaces(17), 'ok.lrmx': form }), limits);
      expect(errorOf(results, 'big.lrmx')).toBe('文件大小超过 16 KB 上限');
      expect(errorOf(results, 'ok.lrmx')).toBeUndefined();
    });

    it('refuses the whole archive when its files unpack to more than the total cap', () => {
      const zip = aZip({ 'a.lrmx': spaces(15), 'b.lrmx': spaces(15), 'c.lrmx': spaces(15) });
      expectRefusal(() => readLrmxArchive(zip, limits), /解压后超过 40 KB/, 413);
    });

    it('refuses the whole archive when it holds too many files, folders not counted', () => {
      expect(readLrmxArchive(aZip({ d: { 'a.lrmx': form }, e: { 'b.lrmx': form }, 'c.lrmx': form }), limits).length).toBe(3);
      const zip = aZip({ 'a.lrmx': form, 'b.lrmx': form, 'c.lrmx': form, 'd.lrmx': form });
      expectRefusal(() => readLrmxArchive(zip, limits), /超过 3 个/, 413);
    });

    it('refuses an archive over the upload cap before reading it', () => {
      expectRefusal(() => readLrmxArchive(Buffer.alloc(65 * 1024), limits), /压缩包大小超过 64 KB/, 413);
    });
  });

  it('refuses something that is not a zip archive', () => {
    expectRefusal(() => readLrmxArchive(form), /不是 zip 压缩包/, 400);
  });

  it('refuses a zip archive whose directory points outside the file', () => {
    const zip = aZip({ 'a.lrmx': form });
    const end = zip.length - 22;
    zip.writeUInt32LE(zip.length + 10, end + 16);
    expectRefusal(() => readLrmxArchive(zip), /压缩包已损坏/, 400);
  });
});
