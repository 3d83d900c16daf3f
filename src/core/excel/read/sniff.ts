/**
 * What a file that is neither a zip (.xlsx) nor an OLE compound file (.xls) holds, told by its first
 * 64 KB rather than its name: web portals and older software export lists as text named .xls or
 * .xlsx, and Excel opens them. A web page is read as its first table; text delimited by commas,
 * semicolons or tabs as a CSV; a web archive (.mht, Excel's "Single File Web Page") as the page
 * it holds; Excel 2003's XML spreadsheet is named for what it is; anything else (a PDF, an image,
 * prose) is not a list.
 */
import { decodeSample, delimiterOf, NotUtf8, readSample } from './csv';
import { declaredCharset } from './html';
import type { OpenedSource } from './types';
import { isWebArchive } from './webArchive';

type Encoding = NonNullable<OpenedSource['encoding']>;

export type TextContent =
  | { kind: 'webPage'; encoding: Encoding }
  /** A MIME message of web pages (webArchive.ts): which of its pages holds the list is found when it is opened. */
  | { kind: 'webArchive' }
  | { kind: 'delimited' }
  | { kind: 'xmlSpreadsheet2003' }
  /** Not text, or text that is not a list. */
  | { kind: 'other' };

/** Characters text never holds: a file with them is binary, whatever its bytes decode to. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const binaryCharacters = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/;

/** Opening of the page up to its first element, past the XML declaration, comments and the doctype. */
const webPageStart = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->|<!doctype[^>]*>)*<(?:html|head|body|meta|title|style|table)[\s/>]/i;
const xmlSpreadsheetStart = /^(?:\s|<\?[^>]*>|<!--[\s\S]*?-->)*<(?:ss:)?Workbook[\s>]/;

/** The first lines of a list share its delimiter: two records at least. */
const MIN_DELIMITED_LINES = 2;

/** A web page's encoding from its first bytes and their text (`decodeSample`), as a browser finds it. */
function pageEncoding(bytes: Uint8Array, found: ReturnType<typeof decodeSample>): Encoding {
  // UTF-16 (a byte order mark, or NULs beside ASCII) and a UTF-8 byte order mark say the
  // encoding before any <meta> can, as in a browser.
  const marked = found.encoding === 'utf-16le' || found.encoding === 'utf-16be' || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  return (marked ? null : declaredCharset(found.sample)) ?? found.encoding;
}

/** The encoding of a web page from its first bytes (`whole`: all of it); throws NotUtf8 when they fit none. */
export function webPageEncoding(bytes: Uint8Array, whole: boolean): Encoding {
  return pageEncoding(bytes, decodeSample(bytes, whole));
}

export async function textContent(path: string): Promise<TextContent> {
  const { bytes, whole } = await readSample(path);
  // Its header block is ASCII, whatever the parts after it are written in.
  if (isWebArchive(Buffer.from(bytes).toString('latin1'))) return { kind: 'webArchive' };
  let found: ReturnType<typeof decodeSample>;
  try {
    found = decodeSample(bytes, whole);
  } catch (error) {
    if (error instanceof NotUtf8) return { kind: 'other' };
    throw error;
  }
  const sample = found.sample.replace(/^\ufeff/, '');
  if (binaryCharacters.test(sample)) return { kind: 'other' };
  if (webPageStart.test(sample)) return { kind: 'webPage', encoding: pageEncoding(bytes, found) };
  if (xmlSpreadsheetStart.test(sample)) return { kind: 'xmlSpreadsheet2003' };
  return delimiterOf(sample).consistentLines >= MIN_DELIMITED_LINES ? { kind: 'delimited' } : { kind: 'other' };
}
