/**
 * A lean streaming XML tokenizer for the parts of an .xlsx. The sheet XML is the hot path of a
 * large import: a general SAX parser builds an attribute object and decodes text for every one of
 * millions of tags, while this one hands over the raw attribute text and raw character data and
 * lets the reader decode only the few it needs. Element names come without their namespace prefix
 * (`x:row` → `row`), since some writers prefix every element.
 */
import { withoutControlCharacters } from '../../../shared/text';
import { MAX_TAG_CHARS, unreadable } from './limits';

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities not decoded); one run of text may come in several pieces. */
  text(raw: string): void;
}

/** The element name between `from` and `to` in the buffer, its namespace prefix dropped. */
function nameAt(buffer: string, from: number, to: number): string {
  let start = from;
  for (let at = from; at < to; at++) if (buffer.charCodeAt(at) === 58 /* : */) start = at + 1;
  // One-letter names (c, v, t, f) come from V8's single-character cache: no allocation per cell.
  return start + 1 === to ? buffer.charAt(start) : buffer.slice(start, to);
}

/**
 * Whether the character after a `<` starts markup as an HTML tokenizer reads it: a letter (a
 * tag), `/` (an end tag), `!` (a comment or doctype) or `?`. Any other — a space, a digit, `=`, a
 * Vietnamese letter — leaves the `<` as text: a browser, and Excel opening the page, show «Doanh
 * thu < 1 tỷ» and «<5 ha» as written.
 */
function startsHtmlMarkup(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33 || code === 63;
}

export class XmlTokenizer {
  private rest = '';

  /**
   * `part` names the part being read, for the message when it is refused. `markup` 'html' reads a
   * web page: a `<` that starts no markup is text there, where in XML it cannot occur.
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
    private readonly markup: 'xml' | 'html' = 'xml',
  ) {}

  /** Feeds the next piece of the document; a tag cut at the end waits for the next piece. */
  push(piece: string): void {
    const buffer = this.rest === '' ? piece : this.rest + piece;
    const handler = this.handler;
    let at = 0;
    const length = buffer.length;
    while (at < length) {
      const lt = buffer.indexOf('<', at);
      if (lt < 0) {
        handler.text(buffer.slice(at));
        at = length;
        break;
      }
      if (lt > at) handler.text(buffer.slice(at, lt));
      const next = buffer.charCodeAt(lt + 1);
      if (this.markup === 'html' && !startsHtmlMarkup(next)) {
        // The character after it is in the next piece: whether it starts a tag is not known yet.
        if (lt + 1 === length) {
          at = lt;
          break;
        }
        handler.text('<');
        at = lt + 1;
        continue;
      }
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const consumed = this.special(buffer, lt);
        if (consumed < 0) {
          at = lt;
          break;
        }
        at = consumed;
        continue;
      }
      const gt = buffer.indexOf('>', lt + 1);
      if (gt < 0) {
        at = lt;
        break;
      }
      if (next === 47 /* / */) {
        let end = gt;
        while (end > lt + 2 && buffer.charCodeAt(end - 1) <= 32) end--;
        handler.close(nameAt(buffer, lt + 2, end));
      } else {
        const selfClosing = buffer.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < end && buffer.charCodeAt(nameEnd) > 32) nameEnd++;
        handler.open(nameAt(buffer, lt + 1, nameEnd), nameEnd === end ? '' : buffer.slice(nameEnd, end), selfClosing);
      }
      at = gt + 1;
    }
    this.rest = at < length ? buffer.slice(at) : '';
    // A tag still open after a megabyte never closes in a real file; waiting for its end would
    // rescan an ever longer rest on every piece.
    if (this.rest.length > MAX_TAG_CHARS) throw unreadable.tagTooLong(this.part);
  }

  /** Comments, processing instructions, the doctype and CDATA; returns where it ends, or -1 if cut. */
  private special(buffer: string, lt: number): number {
    if (buffer.startsWith('<![CDATA[', lt)) {
      const end = buffer.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(buffer.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      return end + 3;
    }
    const closer = buffer.startsWith('<!--', lt) ? '-->' : buffer.startsWith('<?', lt) ? '?>' : '>';
    const end = buffer.indexOf(closer, lt + 2);
    return end < 0 ? -1 : end + closer.length;
  }
}

/** The value of one attribute in a tag's raw attribute text, entities decoded; null when absent. */
export function attribute(attributes: string, name: string): string | null {
  let at = 0;
  for (;;) {
    const found = attributes.indexOf(name, at);
    if (found < 0) return null;
    at = found + name.length;
    const before = found === 0 ? 32 : attributes.charCodeAt(found - 1);
    if (before > 32) continue;
    let cursor = at;
    while (attributes.charCodeAt(cursor) <= 32) cursor++;
    if (attributes.charCodeAt(cursor) !== 61 /* = */) continue;
    cursor++;
    while (attributes.charCodeAt(cursor) <= 32) cursor++;
    const quote = attributes[cursor];
    if (quote !== '"' && quote !== "'") continue;
    const end = attributes.indexOf(quote, cursor + 1);
    if (end < 0) return null;
    return decodeXmlText(attributes.slice(cursor + 1, end));
  }
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The character of a numeric reference; one that names no character (past U+10FFFF, or half of a
 * surrogate pair) reads as U+FFFD, the mark for a character that could not be read, as a text
 * decoder does with bytes it cannot read.
 */
export function characterOf(codePoint: number): string {
  const valid = Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : '\ufffd';
}

/**
 * Character data as the text it stands for: XML entities, and the `_xHHHH_` escapes Excel writes
 * for control characters (a line break typed in a cell is `_x000D_` before the newline).
 */
export function decodeXmlText(raw: string): string {
  let text = raw;
  if (text.includes('&')) {
    text = text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith('#')) return characterOf(name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10));
      return Object.hasOwn(namedEntities, name) ? (namedEntities[name] ?? whole) : whole;
    });
  }
  if (text.includes('_x')) {
    text = text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return text;
}

/**
 * Characters NFC can change — combining marks (Vietnamese typed with a decomposing input method)
 * and the few singletons such as the Ohm and Ångström signs — and characters that are not text
 * (`withoutControlCharacters`; in this u-mode class the surrogate range matches only halves
 * without their pair). One test for both keeps the hot path to a single scan of each text.
 */
const mayChange =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  /[\p{M}\u1100-\u11ff\u2126\u212a\u212b\uf900-\ufaff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]/u;

/**
 * A cell's text as the import takes it: in NFC, without characters that are not text (NUL, ESC,
 * direction overrides; tab and line breaks stay). Skips the costly work for the great majority of
 * texts it would not change.
 */
export function toNfc(text: string): string {
  return mayChange.test(text) ? withoutControlCharacters(text).normalize('NFC') : text;
}
