import { MALFORMED_TEXT_MESSAGE } from '@cadre/shared-models';
import { LrmxError } from './lrmx-error.js';

/** One element of a parsed document: its own character data and its child elements, in order. */
export interface XmlElement {
  name: string;
  /** Text and CDATA directly inside the element, references resolved, untrimmed. */
  text: string;
  children: XmlElement[];
}

// The form nests four deep (Person/JiaTingChengYuan/Item/ChengWei); more is an attack or not a form.
const MAX_DEPTH = 8;
const NAME_PATTERN = String.raw`[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*`;
const NAME = new RegExp(NAME_PATTERN, 'uy');
// Attributes are read past, not kept: the format has none, but .NET writers add xmlns:xsi to the root.
const ATTRIBUTE = new RegExp(String.raw`\s+${NAME_PATTERN}\s*=\s*("[^"<]*"|'[^'<]*')`, 'uy');
const REFERENCE = /&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*)?(;)?/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ILLEGAL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Parses a small, trusted-shape XML document and refuses everything the appointment form never
 * needs and attackers use: DOCTYPE and ENTITY declarations (entity expansion, external entities),
 * processing instructions other than the XML declaration, entity references beyond the five
 * predefined ones, and deep nesting. Values stay strings; nothing is coerced.
 */
export function parseStrictXml(source: string): XmlElement {
  // ENTITY first: an entity attack also carries a DOCTYPE, but the entity is what to name.
  for (const keyword of ['ENTITY', 'DOCTYPE']) {
    if (new RegExp(`<!${keyword}`, 'i').test(source)) {
      throw new LrmxError(`文件含有 ${keyword} 声明，出于安全考虑不予导入`);
    }
  }
  return new StrictXmlReader(source.replace(/\r\n?/g, '\n')).readDocument();
}

class StrictXmlReader {
  private pos = 0;

  constructor(private readonly source: string) {}

  readDocument(): XmlElement {
    if (ILLEGAL_CHARACTER.test(this.source)) throw new LrmxError('文件含有 XML 不允许的控制字符');
    this.skipWhitespace();
    if (/^<\?xml[\s?]/.test(this.source.slice(this.pos, this.pos + 6))) this.readDeclaration();
    this.skipMisc();
    if (this.source[this.pos] !== '<') throw this.fail('文件不是 XML：找不到根元素');
    const root = this.readElement(1);
    this.skipMisc();
    if (this.pos < this.source.length) throw this.fail('根元素之后还有多余的内容');
    return root;
  }

  private readDeclaration(): void {
    const end = this.source.indexOf('?>', this.pos);
    if (end < 0) throw this.fail('XML 声明没有结束');
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(this.source.slice(this.pos, end))?.[1];
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw new LrmxError(`文件声明的编码为 ${encoding}，只支持 UTF-8`);
    }
    this.pos = end + 2;
  }

  private skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.source.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.source.startsWith('<?', this.pos)) throw this.fail('文件含有处理指令，不予导入');
      else return;
    }
  }

  private readElement(depth: number): XmlElement {
    if (depth > MAX_DEPTH) throw this.fail('元素嵌套过深');
    this.pos += 1;
    const name = this.readName();
    ATTRIBUTE.lastIndex = this.pos;
    for (let match = ATTRIBUTE.exec(this.source); match; match = ATTRIBUTE.exec(this.source)) {
      this.pos = ATTRIBUTE.lastIndex;
    }
    this.skipWhitespace();
    const element: XmlElement = { name, text: '', children: [] };
    if (this.source.startsWith('/>', this.pos)) {
      this.pos += 2;
      return element;
    }
    if (this.source[this.pos] !== '>') throw this.fail(`元素 ${name} 的开始标签不完整`, name);
    this.pos += 1;

    for (;;) {
      const next = this.source.indexOf('<', this.pos);
      if (next < 0) throw this.fail(`元素 ${name} 没有结束标签`, name);
      element.text += this.decodeText(this.source.slice(this.pos, next), name);
      this.pos = next;
      if (this.source.startsWith('</', this.pos)) {
        this.pos += 2;
        const closing = this.readName();
        this.skipWhitespace();
        if (closing !== name || this.source[this.pos] !== '>') throw this.fail(`元素 ${name} 的结束标签不匹配`, name);
        this.pos += 1;
        return element;
      }
      if (this.source.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.source.startsWith('<![CDATA[', this.pos)) element.text += this.readCdata(name);
      else if (this.source.startsWith('<?', this.pos)) throw this.fail('文件含有处理指令，不予导入', name);
      else if (this.source.startsWith('<!', this.pos)) throw this.fail(`元素 ${name} 中有不支持的声明`, name);
      else element.children.push(this.readElement(depth + 1));
    }
  }

  private readName(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.source);
    if (!match) throw this.fail('标签名无效');
    this.pos = NAME.lastIndex;
    return match[0];
  }

  private readCdata(element: string): string {
    const start = this.pos + '<![CDATA['.length;
    const end = this.source.indexOf(']]>', start);
    if (end < 0) throw this.fail(`元素 ${element} 中的 CDATA 没有结束`, element);
    this.pos = end + 3;
    return this.source.slice(start, end);
  }

  private skipComment(): void {
    const end = this.source.indexOf('-->', this.pos + 4);
    if (end < 0) throw this.fail('注释没有结束');
    this.pos = end + 3;
  }

  private skipWhitespace(): void {
    while (/\s/.test(this.source[this.pos] ?? '')) this.pos += 1;
  }

  private decodeText(raw: string, element: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(REFERENCE, (_reference, body: string | undefined, semicolon: string | undefined) => {
      if (body === undefined || semicolon === undefined) throw this.fail(`元素 ${element} 中有未转义的 &`, element);
      if (!body.startsWith('#')) {
        const value = PREDEFINED[body];
        if (value === undefined) throw this.fail(`元素 ${element} 中引用了未定义的实体 &${body};`, element);
        return value;
      }
      const codePoint = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
        throw this.fail(`元素 ${element} ${MALFORMED_TEXT_MESSAGE}（字符引用 &${body}; 是单独的代理项）`, element);
      }
      const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
      if (character === '' || ILLEGAL_CHARACTER.test(character)) {
        throw this.fail(`元素 ${element} 中有无效的字符引用 &${body};`, element);
      }
      return character;
    });
  }

  private fail(message: string, element?: string): LrmxError {
    const line = this.source.slice(0, this.pos).split('\n').length;
    return new LrmxError(`${message}（第 ${line} 行）`, element);
  }
}
