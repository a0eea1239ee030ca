import {
  LRMX_ELEMENT_LABELS,
  LRMX_ELEMENTS,
  LRMX_FAMILY_ELEMENTS,
  LrmxPersonSchema,
  type LrmxFamilyMember,
  type LrmxPerson,
} from '@cadre/shared-models';
import { LrmxError } from './lrmx-error.js';
import { parseStrictXml, type XmlElement } from './strict-xml.js';

/** Far above any real form with its photo; a larger upload is refused before it is parsed. */
export const MAX_LRMX_BYTES = 5 * 1024 * 1024;

/** The editor version written into a form that did not come from a file (docs/lrmx.md). */
export const LRMX_TARGET_VERSION = '3.2.1.16';

type ElementTable = ReadonlyArray<readonly [element: string, field: string]>;
type RawExtra = { name: string; value: string; after: string | null };

/**
 * Reads one `.lrmx` file into a form. Every value stays the string the file holds (trimmed), and
 * elements the platform does not model are kept in `extras`, with their position, for export.
 */
export function readLrmx(buffer: Buffer): LrmxPerson {
  if (buffer.length > MAX_LRMX_BYTES) {
    throw new LrmxError(`文件大小超过 ${MAX_LRMX_BYTES / 1024 / 1024} MB 上限`, undefined, 413);
  }
  const root = parseStrictXml(decodeUtf8(buffer));
  if (root.name !== 'Person') throw new LrmxError(`根元素应为 Person，实为 ${root.name}`, root.name);
  const parsed = LrmxPersonSchema.safeParse(readFields(root, LRMX_ELEMENTS));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [element, label] = elementAt(issue.path);
    throw new LrmxError(`${label}：${issue.message}`, element);
  }
  return parsed.data;
}

/** The element a schema issue is about (`JiaTingChengYuan[0].XingMing`) and how the form labels it. */
function elementAt(path: readonly PropertyKey[]): [element: string, label: string] {
  const [field, index, member] = path.map(String);
  if (field === 'family') {
    const element = LRMX_FAMILY_ELEMENTS.find(([, known]) => known === member)?.[0];
    return [`JiaTingChengYuan[${index}]${element ? `.${element}` : ''}`, `家庭成员第 ${Number(index) + 1} 行`];
  }
  const element = LRMX_ELEMENTS.find(([, known]) => known === field)?.[0];
  return element ? [element, LRMX_ELEMENT_LABELS[element]] : ['extras', '其他元素'];
}

/**
 * Writes a form as the official editor lays it out: the elements in table order, each extra
 * element right after the known element it followed when read (at the end when it has no
 * position), and `Version` as read or LRMX_TARGET_VERSION.
 */
export function writeLrmx(person: LrmxPerson): Buffer {
  const parsed = LrmxPersonSchema.safeParse(person);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LrmxError(`任免审批表数据有误，无法导出：${issue.path.join('.')} ${issue.message}`);
  }
  const form = { ...parsed.data, version: parsed.data.version || LRMX_TARGET_VERSION };
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<Person>'];
  writeFields(lines, '  ', LRMX_ELEMENTS, form.extras, (element, field) => {
    if (field === 'family') writeFamily(lines, form.family);
    else lines.push(formatLeaf('  ', element, form[field as keyof typeof form] as string));
  });
  lines.push('</Person>', '');
  // CRLF throughout: the files are opened by Windows tools.
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function decodeUtf8(buffer: Buffer): string {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new LrmxError('文件是 UTF-16 编码，只支持 UTF-8');
  }
  try {
    // The decoder drops a leading BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new LrmxError('文件不是 UTF-8 编码的文本，不是任免审批表');
  }
}

function readFields(parent: XmlElement, table: ElementTable): Record<string, unknown> {
  assertNoText(parent);
  const fieldByElement = new Map(table);
  const fields: Record<string, unknown> = {};
  const extras: RawExtra[] = [];
  let after: string | null = null;
  for (const child of parent.children) {
    const field = fieldByElement.get(child.name);
    if (field === undefined) {
      // A prefix would need a namespace declaration the writer does not emit.
      if (child.name.includes(':')) throw new LrmxError(`不支持带命名空间前缀的元素 ${child.name}`, child.name);
      extras.push({ name: child.name, value: readLeaf(child), after });
      continue;
    }
    if (field in fields) throw new LrmxError(`元素 ${child.name} 出现了不止一次`, child.name);
    fields[field] = field === 'family' ? readFamily(child) : readLeaf(child);
    after = child.name;
  }
  return { ...fields, extras };
}

function readFamily(list: XmlElement): Array<Record<string, unknown>> {
  assertNoText(list);
  return list.children.map((item) => {
    if (item.name !== 'Item') {
      throw new LrmxError(`家庭成员 JiaTingChengYuan 中只能有 Item，发现了 ${item.name}`, item.name);
    }
    return readFields(item, LRMX_FAMILY_ELEMENTS);
  });
}

function readLeaf(element: XmlElement): string {
  if (element.children.length > 0) {
    throw new LrmxError(`元素 ${element.name} 应只含文本，不应包含子元素`, element.name);
  }
  return element.text;
}

function assertNoText(element: XmlElement): void {
  if (element.text.trim() !== '') throw new LrmxError(`元素 ${element.name} 中有多余的文本`, element.name);
}

function writeFamily(lines: string[], family: readonly LrmxFamilyMember[]): void {
  if (family.length === 0) {
    lines.push('  <JiaTingChengYuan></JiaTingChengYuan>');
    return;
  }
  lines.push('  <JiaTingChengYuan>');
  for (const member of family) {
    lines.push('    <Item>');
    writeFields(lines, '      ', LRMX_FAMILY_ELEMENTS, member.extras, (element, field) => {
      lines.push(formatLeaf('      ', element, member[field as keyof LrmxFamilyMember] as string));
    });
    lines.push('    </Item>');
  }
  lines.push('  </JiaTingChengYuan>');
}

function writeFields(
  lines: string[],
  indent: string,
  table: ElementTable,
  extras: ReadonlyArray<{ name: string; value: string; after?: string | null }>,
  writeKnown: (element: string, field: string) => void,
): void {
  const writeExtrasAfter = (after: string | null | undefined) => {
    for (const extra of extras) {
      if (extra.after === after) lines.push(formatLeaf(indent, extra.name, extra.value));
    }
  };
  writeExtrasAfter(null);
  for (const [element, field] of table) {
    writeKnown(element, field);
    writeExtrasAfter(element);
  }
  writeExtrasAfter(undefined);
}

function formatLeaf(indent: string, element: string, value: string): string {
  return `${indent}<${element}>${escapeText(value)}</${element}>`;
}

function escapeText(value: string): string {
  return (
    value
      // XML 1.0 cannot carry these at all, not even as references.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A parser turns a raw line break into LF; the referenced CR keeps CRLF for Windows editors.
      .replace(/\n/g, '&#xD;\n')
  );
}
