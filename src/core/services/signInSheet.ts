/**
 * A pasted sign-in sheet read line by line: the unit each line names and who signed for it, or that
 * the line names no unit. Two kinds of line come in one paste. A typed line holds a name and maybe
 * its signer, either first, with a title or not ("1. HTX NN Vĩnh Bình - Nguyễn Văn An", "Bà Lê Thị
 * Hoa, GĐ HTX Chăn nuôi Vĩnh Tế"); which of its parts is the unit, the register tells. A row copied
 * from a spreadsheet has its cells set apart by tabs, and offices lay their sheets out every way:
 * «STT | Tên đơn vị | Họ tên | Chức vụ | Ký tên», «STT | Họ và tên | Chức vụ | Đơn vị công tác |
 * Điện thoại», with the sheet's title above, a totals row under it. Which column holds the unit, which the signer and which
 * the signer's title is decided once for the whole sheet: by its header row when the paste has one,
 * else by what the cells hold, never row by row, so that one odd row cannot swap them.
 */
import { parse, type Options } from 'csv-parse/sync';
import { hasLegalForm, nameWords, organizationKindOfName } from '../../shared/names';
import { cleanText, foldText } from '../../shared/text';
import { isFooterRow, isSectionHeading, isTotalsRow } from '../excel/import/rows';

/** One line of the sheet as read. */
export interface SheetLine {
  /** The line as pasted, trimmed, its cells set apart by spaces. */
  line: string;
  /** Where it starts in the pasted text, counted from 1 as the text box counts its lines. */
  lineNumber: number;
  /** The unit's name, without numbering and signer; empty when `skipped`. */
  name: string;
  representative: string;
  /**
   * Names no unit: the sheet's title, its header row, a totals, section or footer row, or a row
   * whose unit cell is empty or only a number (a row of column numbers under the header).
   */
  skipped: boolean;
}

/** "1. ", "12) ", "01 - ", "3 ", "- ", "• " before the name. */
const numbering = /^(?:\d{1,4}\s*[.):/–-]\s*|\d{1,4}\s+|[-–•*+·▪●◦○►]\s*)/;

/**
 * How a name names a unit of the register or a participant: by its whole name, by part of it
 * («Vĩnh Bình» for «HTX Nông nghiệp Vĩnh Bình»), by more than it, the unit's name and other words
 * (a line read whole, its signer's name with it), or only resembles its name, words left out.
 */
export type UnitNaming = 'whole' | 'within' | 'around' | 'resembles';

/**
 * Whether a line's name key reads as a participant's through a short form the table of
 * abbreviations does not know (resources/names/abbreviations.json), either way round: a word of
 * one spelled by the initials of words of the other («PP» for «phân phối», «CB» for «chế biến»),
 * the others word for word, two of them at least, the last among them, since that is what tells
 * two units of a kind apart. A name only resembled this way is offered to choose, never matched.
 */
export function spellsOut(line: readonly string[], key: readonly string[]): boolean {
  return initialsAlign(line, key) || initialsAlign(key, line);
}

/** `spellsOut` one way: `short` is `long` with one run of words or more written as their initials. */
function initialsAlign(short: readonly string[], long: readonly string[]): boolean {
  let [at, longAt, same, spelled] = [0, 0, 0, 0];
  while (at < short.length && longAt < long.length) {
    const word = short[at] ?? '';
    if (word === long[longAt]) {
      same += 1;
      longAt += 1;
    } else if (/^[a-z]{2,}$/.test(word) && long.slice(longAt, longAt + word.length).map((one) => one[0]).join('') === word) {
      spelled += 1;
      longAt += word.length;
    } else {
      return false;
    }
    at += 1;
  }
  return at === short.length && longAt === long.length && spelled > 0 && same >= 2 && short.at(-1) === long.at(-1);
}

/** One way of reading a line: which of its text names the unit, the rest being who signed. */
interface Reading {
  name: string;
  representative: string;
  /** How many of the line's parts (`partsOf`) the name spans. */
  parts: number;
}

/**
 * Where a line parts: « - », « – », a comma, a semicolon, a bar, and a note in brackets, which is
 * a part of its own («Ông Phạm Văn Ba (Phó GĐ)»). A dash inside a word («Cung-Cầu») does not part.
 */
const partings = /\([^()]*\)|\s+[-–—]\s+|\s*[,;|]\s*/g;

/** The line's parts, as ranges of it, in order. */
function partsOf(text: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => {
    const piece = text.slice(start, end);
    const inner = piece.trim();
    const from = start + piece.indexOf(inner);
    if (inner !== '') parts.push({ start: from, end: from + inner.length });
  };
  let next = 0;
  for (const parting of text.matchAll(partings)) {
    add(next, parting.index);
    if (parting[0].startsWith('(')) add(parting.index, parting.index + parting[0].length);
    next = parting.index + parting[0].length;
  }
  add(next, text.length);
  return parts;
}

/**
 * What a signer's title may be written as before the unit («GĐ HTX Chăn nuôi Vĩnh Tế», «Chủ tịch
 * HĐQT HTX…»), folded, longest first: a unit's name read without it is one more reading to try.
 */
const titles = [
  'tong giam doc', 'pho tong giam doc', 'tgd', 'pho tgd', 'giam doc', 'pho giam doc', 'gd', 'pho gd', 'pgd', 'p gd',
  'chu tich hoi dong quan tri', 'chu tich hdqt', 'ct hdqt', 'chu tich hdtv', 'ct hdtv', 'chu tich', 'pho chu tich',
  'thanh vien hdqt', 'tv hdqt', 'thanh vien ban kiem soat', 'thanh vien bks', 'thanh vien', 'kiem soat vien',
  'truong ban kiem soat', 'truong bks', 'truong ban', 'pho truong ban', 'ke toan truong', 'ke toan',
  'chu nhiem', 'pho chu nhiem', 'to truong', 'to pho', 'truong phong', 'pho truong phong', 'dai dien', 'can bo', 'nhan vien', 'xa vien',
]
  .map((title) => title.split(' '))
  .sort((a, b) => b.length - a.length);

/** The words of `text[start, end)`, each folded and where it starts. */
function wordsWithin(text: string, start: number, end: number): { at: number; folded: string }[] {
  return (
    [...text.slice(start, end).matchAll(/\S+/g)]
      .map((word) => ({ at: start + word.index, folded: foldText(word[0]).replace(/[^a-z0-9]/g, '') }))
      // A dash or a bracket alone is no word: the name starts at the word after it.
      .filter((word) => word.folded !== '')
  );
}

/** Where what follows a title written first begins («GĐ HTX…», «Chủ tịch HĐQT Nguyễn Văn Năm»); undefined without one, or for a title alone. */
function afterTitle(text: string, start = 0, end = text.length): number | undefined {
  const words = wordsWithin(text, start, end);
  const title = titles.find((form) => form.length < words.length && form.every((word, at) => words[at]?.folded === word));
  return title && words[title.length]?.at;
}

/**
 * Where in `text[start, end)` a unit's name may start other than at `start`: after a title
 * written before it, and at the first word saying what a unit is (HTX, Công ty…) after other
 * words («Trưởng phòng kinh doanh Công ty TNHH…»).
 */
function laterUnitStarts(text: string, start: number, end: number): number[] {
  const words = wordsWithin(text, start, end);
  const starts: number[] = [];
  const title = afterTitle(text, start, end);
  if (title !== undefined) starts.push(title);
  const named = words.findIndex((word, at) => at > 0 && looksLikeUnit(text.slice(word.at, end)));
  if (named > 0) starts.push(words[named]?.at ?? start);
  return [...new Set(starts)];
}

/** Marks that part a line, at either end of what is left of it. */
const partingEdges = /^[\s,;|–—-]+|[\s,;|–—-]+$/g;

/**
 * Who signed, as the line writes it: the line without the unit's name, its two sides joined when
 * the name stood between them, and unwrapped when it is only a note in brackets.
 */
function restOf(text: string, start: number, end: number): string {
  const before = text.slice(0, start).replace(partingEdges, '');
  const after = text.slice(end).replace(partingEdges, '');
  const rest = before && after ? `${before}${after.startsWith('(') ? ' ' : ' – '}${after}` : before || after;
  return /^\(([^()]*)\)$/.exec(rest)?.[1]?.trim() ?? rest;
}

/** The most parts a unit's name spans: a name with a dash and a bracket in it, and a comma. */
const MOST_PARTS = 4;

/**
 * Every way a typed line (or a spreadsheet's unit cell) can be read as a unit's name and who
 * signed: any run of its parts, whole or without a title before it, is the unit's name and the
 * rest the signer. Offices write the unit first or the person first («Ông Trần Văn Tư - HTX Mỹ
 * Hòa Hưng», «Bà Lê Thị Hoa, GĐ HTX Chăn nuôi Vĩnh Tế»), and a unit's own name may hold a dash or
 * a bracket («HTX Cây ăn trái Xuân Hương - Đà Lạt»): which reading is meant is for the register
 * to tell (`chosenReading`), not the words.
 */
function readingsOf(raw: string): Reading[] {
  const text = cleanText(raw).replace(numbering, '').trim();
  const parts = partsOf(text);
  const readings: Reading[] = [];
  parts.forEach((first, from) => {
    parts.slice(from, from + MOST_PARTS).forEach((last, at) => {
      for (const start of [first.start, ...laterUnitStarts(text, first.start, last.end)]) {
        readings.push({ name: text.slice(start, last.end), representative: restOf(text, start, last.end), parts: at + 1 });
      }
    });
  });
  return readings.length ? readings : [{ name: text, representative: '', parts: 1 }];
}

const namingStrength: Record<UnitNaming, number> = { whole: 4, within: 3, around: 2, resembles: 1 };

/**
 * The reading the register bears out: one whose name is a unit's whole name, else part of one,
 * else holds one, else resembles one. Among readings naming a unit as well, the longest, since a
 * unit's name may span parts («… Xuân Hương - Đà Lạt»); but a name that holds a unit's name and
 * more holds the signer too, so there the shortest. When no reading names a unit (one not yet in
 * the register, or one mistyped), the part that starts as a unit's name does (HTX, Công ty…), else
 * the first that does not read as the signer (`readsAsSigner`): «Nguyễn Văn An - Vinh Bihn» is read
 * as «Vinh Bihn» signed by Nguyễn Văn An, so that the mistyped name is what is read again
 * (`matchSignIn`).
 */
function chosenReading(readings: readonly Reading[], units: ReadonlyMap<string, UnitNaming>): Reading {
  const chosen = highest(readings, (reading) => {
    const naming = units.get(reading.name);
    const strength = naming ? namingStrength[naming] : 0;
    return [
      strength,
      naming === 'whole' || naming === 'within' ? reading.parts : -reading.parts,
      looksLikeUnit(reading.name) ? 1 : 0,
      readsAsSigner(reading.name) ? 0 : 1,
    ];
  });
  return chosen ?? { name: '', representative: '', parts: 0 };
}

/** A cell with words in it: not empty, not a row number, a phone number or an amount. */
function hasWords(cell: string): boolean {
  return /\p{L}/u.test(cell);
}

/** The words a header names a column of units by, folded: «Đơn vị công tác», «Cơ quan», «Tên HTX», «Doanh nghiệp»… */
const unitWords = String.raw`(?:don vi(?: cong tac| tham du| tham gia)?|co quan(?: cong tac)?|noi (?:cong tac|lam viec)|to chuc|htx|hop tac xa|tht|to hop tac|lhhtx|lien hiep(?: htx| hop tac xa)?|doanh nghiep|dn|cong ty|doi tac|co so)`;
/** A unit column's header: its words, alone or several ("Tên HTX/Doanh nghiệp", "Cơ quan, đơn vị"). */
const unitHeader = new RegExp(String.raw`^(?:ten )?${unitWords}(?:\s*(?:[/,;-]|\bva\b|\bhoac\b)\s*(?:ten )?${unitWords})*$`);
/** A title column's header: «Chức vụ», «Chức danh». */
const titleHeader = /^chuc (?:vu|danh)(?: cong tac)?$/;
/** A signer column's header: «Họ và tên», «Họ tên đại biểu», «Người tham dự», «Đại diện đơn vị», «Họ tên, chức vụ»… */
const personHeader =
  /^(?:ho (?:va )?ten(?: (?:dai bieu|nguoi (?:tham du|dai dien|ky)|khach moi))?|ten (?:dai bieu|nguoi (?:tham du|dai dien|ky))|dai bieu|khach moi|nguoi (?:tham du|dai dien|ky|du hop)|dai dien(?: (?:don vi|co quan|to chuc|htx|doanh nghiep))?)(?:\s*[,/-]\s*chuc vu)?$/;

/** A header cell folded, without a note in brackets or a mark after it ("Đơn vị (*)", "Họ tên:"). */
function headerText(cell: string): string {
  return foldText(cell)
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[\s:.*]+$/, '');
}

/** The columns a sheet holds the unit, the signer and the signer's title in; null for one it has not. */
interface SheetColumns {
  unit: number | null;
  person: number | null;
  title: number | null;
}

/**
 * The columns a header row names, or null when the row is no header: a header has two cells or
 * more, no digit (a data row has its number, a phone, a date), and names the unit's column or the
 * signer's.
 */
function headerColumns(cells: readonly string[]): SheetColumns | null {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length < 2 || filled.some((cell) => /\d/.test(cell))) return null;
  const texts = cells.map(headerText);
  const found = (test: (text: string, index: number) => boolean) => {
    const index = texts.findIndex(test);
    return index < 0 ? null : index;
  };
  const person = found((text) => personHeader.test(text));
  const unit = found((text, index) => index !== person && unitHeader.test(text));
  return unit === null && person === null ? null : { unit, person, title: found((text) => titleHeader.test(text)) };
}

/** Whether a cell reads as a signer's title: it starts as one of `titles` does («Giám đốc», «Trưởng phòng kinh doanh»). */
function looksLikeTitle(cell: string): boolean {
  const words = nameWords(cell);
  return titles.some((form) => form.length <= words.length && form.every((word, at) => words[at] === word));
}

/**
 * Who signed with their title, as a typed line writes them («Ông Phạm Văn Ba (Phó GĐ)»), so that
 * a sheet's «Chức vụ» column reaches the participant as a title typed beside the name does; either
 * alone when the other is empty or already says it.
 */
function withTitle(signer: string, title: string): string {
  // Compared as whole words: «GĐ» is no part of a name that merely holds the letters.
  const wordsOf = (text: string) => ` ${nameWords(text).join(' ')} `;
  const [name, role] = [wordsOf(signer), wordsOf(title)];
  if (role.trim() === '' || name.includes(role)) return signer;
  if (name.trim() === '' || role.includes(name)) return title;
  return `${signer} (${title})`;
}

/**
 * Who signed in the one form a sheet's «Chức vụ» column gives (`withTitle`), «Nguyễn Văn Tâm (Giám
 * đốc)», whatever the shape a typed line writes them in: the title after the name or before it,
 * set apart or in brackets («Nguyễn Văn Tâm - Giám đốc», «Bà Lê Thị Hoa, GĐ», «Chủ tịch HĐQT
 * Nguyễn Văn Năm», «Thành viên HĐQT (ông Huỳnh Văn Tám)»). Its parts must be one person's name and
 * titles, a part without letters (a phone number) kept after them; any other shape (two names, a
 * name in lower case) is kept as typed, since which words are the person is then a guess.
 */
function signerWithTitle(typed: string): string {
  let person: string | undefined;
  const roles: string[] = [];
  const rest: string[] = [];
  for (const { start, end } of partsOf(typed)) {
    const part = typed.slice(start, end).replace(/^\((.*)\)$/, '$1').trim();
    const titled = afterTitle(part);
    if (!hasWords(part)) {
      rest.push(part);
    } else if (titled !== undefined && person === undefined && looksLikePerson(part.slice(titled))) {
      person = part.slice(titled);
      roles.push(part.slice(0, titled).trim());
    } else if (looksLikeTitle(part) || !looksLikePerson(part)) {
      roles.push(part);
    } else if (person === undefined) {
      person = part;
    } else {
      return typed;
    }
  }
  if (person === undefined || roles.length === 0) return typed;
  return [withTitle(person, roles.join(', ')), ...rest].join(' – ');
}

/** Whether a cell reads as a unit's name by its form: it starts with what the unit is (HTX, Công ty…). */
export function looksLikeUnit(cell: string): boolean {
  return organizationKindOfName(cell) !== undefined || hasLegalForm(cell);
}

const honorific = /^(?:ông|bà|anh|chị|đ\/c|đồng chí)\s+/iu;

/** Whether a cell reads as a person's name: two to six words, each capitalised ("Nguyễn Văn An", "Bà Lê Thị Hoa"). */
function looksLikePerson(cell: string): boolean {
  const words = cell.replace(honorific, '').split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((word) => /^\p{Lu}\p{L}*$/u.test(word)) && !looksLikeUnit(cell);
}

/** The family names most Vietnamese bear, as a person's name starts: a place's name seldom starts so and runs to three words. */
const familyNames = new Set(
  ['nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'dinh', 'doan', 'truong', 'lam', 'luong', 'trinh', 'ta', 'quach', 'to'],
);

/**
 * Whether a part of a line reads as who signed rather than a unit: it starts with how a person is
 * addressed («Chị Lan», «Bà Năm», «Ông Trần Văn Tư»), or is a person's name of three words or more
 * starting with a family name («Nguyễn Văn An»). Two capitalised words alone («Vĩnh Bình») may be a
 * place, the short name cooperatives go by.
 */
function readsAsSigner(part: string): boolean {
  if (honorific.test(part)) return true;
  const words = nameWords(part);
  return looksLikePerson(part) && words.length >= 3 && familyNames.has(words[0] ?? '');
}

/**
 * How people of the south call one another by their rank among their parents' children («Anh Tư»,
 * «Bà Năm», «Út»), with their tone marks: «Năm» is a byname, «Nam» a name.
 */
const bynames = new Set(['hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'út']);

/**
 * Who signed and the place a line names after them, written without a mark between them: «Tư Tân
 * Phú» → Tư, «Tân Phú»; «Anh Tư Tân Phú» → Anh Tư, «Tân Phú». Only a byname (`bynames`) tells a
 * person there: «Báo Vĩnh Bình» is a newspaper of Vĩnh Bình, another unit that shares the place.
 * Undefined for any other line.
 */
export function placeAfterByname(name: string): { signer: string; place: string } | undefined {
  const addressed = honorific.exec(name)?.[0] ?? '';
  const [byname = '', ...place] = name.slice(addressed.length).split(' ');
  if (!bynames.has(byname.toLowerCase()) || place.length < 2) return undefined;
  return { signer: `${addressed}${byname}`, place: place.join(' ') };
}

/** The rows of a sheet without header its columns are chosen by: enough to tell, few enough to stay instant on a long sheet. */
const SAMPLE_ROWS = 40;

/** The item whose scores are highest, compared one after another; the first of equals. */
function highest<T>(items: readonly T[], scores: (item: T) => readonly number[]): T | undefined {
  let best: { item: T; score: readonly number[] } | undefined;
  for (const item of items) {
    const score = scores(item);
    const differs = best ? score.findIndex((value, index) => value !== best?.score[index]) : -1;
    if (!best || (differs >= 0 && (score[differs] ?? 0) > (best.score[differs] ?? 0))) best = { item, score };
  }
  return best?.item;
}

/**
 * The pasted text's rows and their cells, as Excel puts a copied range on the clipboard: cells
 * parted by tabs, rows by line breaks, and a cell that holds a line break, a tab or a quote
 * wrapped in quotes, its quotes doubled. A quote inside a typed line is the line's own
 * (`relax_quotes`). A quote that opens a cell and is not closed where a cell ends is a typed one
 * too: csv-parse then keeps it, but as the start of a cell running over the lines after it, which
 * are read as written instead.
 */
function pastedRecords(text: string): { cells: string[]; lineNumber: number }[] {
  const options: Options = { delimiter: '\t', record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true };
  // Each record with the line it starts on: a record takes a line, and one more for each line break its cells hold.
  const numbered = (records: string[][]) => {
    let next = 1;
    return records.map((cells) => {
      const lineNumber = next;
      next += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      return { cells, lineNumber };
    });
  };
  try {
    const records = numbered(parse(text, options));
    if (!records.some(({ cells }) => cells.some((cell) => cell.startsWith('"') && /[\r\n]/.test(cell)))) return records;
  } catch {
    // A quote opened and never closed: read as written below.
  }
  return numbered(parse(text, { ...options, quote: false }));
}

/** A pasted line: its cells, one for a typed line. */
interface PastedRow {
  line: string;
  lineNumber: number;
  cells: string[];
  /** A row of the spreadsheet's, its cells set apart by tabs. */
  tabbed: boolean;
}

/**
 * The sheet's header rows (several when its header spans rows) and the columns they name. A
 * header stands above the data: once a row names a unit ("HTX…", "Công ty…"), no later row is
 * taken for one unless it repeats a header row (a second table pasted under the first).
 */
function findHeader(rows: readonly PastedRow[]): SheetColumns & { rows: Set<number> } {
  const found: SheetColumns & { rows: Set<number> } = { rows: new Set<number>(), unit: null, person: null, title: null };
  const headerLines = new Set<string>();
  let dataBegun = false;
  rows.forEach((row, at) => {
    if (!row.tabbed) return;
    if (headerLines.has(row.line)) {
      found.rows.add(at);
      return;
    }
    const columns = dataBegun ? null : headerColumns(row.cells);
    if (columns) {
      found.rows.add(at);
      headerLines.add(row.line);
      found.unit ??= columns.unit;
      found.person ??= columns.person;
      found.title ??= columns.title;
    } else if (row.cells.some(looksLikeUnit)) {
      dataBegun = true;
    }
  });
  return found;
}

/**
 * The openings of a typed line of the sheet's own, folded: its title («DANH SÁCH ĐẠI BIỂU THAM DỰ
 * HỘI NGHỊ…», «DANH SÁCH KÝ TÊN», «HỘI NGHỊ KẾT NỐI…»), the state's heading, when and where.
 */
const titleOpenings =
  /^(?:danh sach|ds (?:dai bieu|ky ten|khach|don vi)|hoi nghi|hoi thao|toa dam|dien dan|(?:lop )?tap huan|chuong trinh|(?:dai bieu|thanh phan) tham du|cong hoa xa hoi chu nghia|doc lap tu do hanh phuc|thoi gian|dia diem|kem theo|ngay \d)(?![a-z0-9])/;
/** The labels of a sign-in sheet's columns, folded: two of them on a line without a number make it a header row typed as text. */
const headerLabels = /(?<![a-z0-9])(?:stt|so tt|ho va ten|ho ten|don vi|chuc vu|ky ten|co quan|dien thoai|sdt|ghi chu)(?![a-z0-9])/g;

/**
 * A typed line of the sheet's own rather than a unit's: its title, or its header row typed or
 * copied as text («STT | Họ và tên | Đơn vị | Chức vụ | Ký tên»). Asked only of a line no reading
 * of which names a unit, so that a unit's line is never passed over for its words.
 */
function isTitleLine(line: string): boolean {
  const words = nameWords(line).join(' ');
  return titleOpenings.test(words) || (!/\d/.test(words) && (words.match(headerLabels)?.length ?? 0) >= 2);
}

/**
 * Reads a pasted sheet. `namesUnits` tells which of some names name a unit (a participant, a
 * member, a partner) and how (`UnitNaming`). It chooses the reading of each line (`chosenReading`),
 * and for a sheet without header, the units' column: the one whose cells name the most units; ties
 * go to the column whose cells read as units' names, then the leftmost. The signers' column is the
 * header's, else the one whose cells read most as people's names; their titles' column the header's,
 * else one whose every cell reads as a title. A row's signer is its signer's cell, else what its unit
 * cell says beside the unit; the title, its title cell, else what the unit cell says beside the unit
 * when the signer has a cell of its own («GĐ Công ty…»).
 */
export function readSignInSheet(text: string, namesUnits: (names: readonly string[]) => ReadonlyMap<string, UnitNaming>): SheetLine[] {
  const rows: PastedRow[] = pastedRecords(text)
    // A line break inside a cell is a space within it, as any run of white space.
    .map(({ cells, lineNumber }) => ({ cells: cells.map(cleanText), lineNumber }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''))
    .map(({ cells, lineNumber }) => ({ line: cleanText(cells.join(' ')), lineNumber, cells, tabbed: cells.length > 1 }));
  const header = findHeader(rows);
  // Above the header: the sheet's title, its date and place.
  const firstHeaderRow = header.rows.size ? Math.min(...header.rows) : -1;
  const skipped = rows.map(({ cells, tabbed }, at) => {
    if (at < firstHeaderRow || header.rows.has(at)) return true;
    const row = { rowNumber: at + 1, cells };
    // A typed line is never a section heading: «1. HTX Mỹ Hòa» alone on a line is how lists are typed.
    return isTotalsRow(row) || isFooterRow(row) || (tabbed && isSectionHeading(row));
  });
  const sample = rows.filter((row, at) => row.tabbed && !skipped[at]).slice(0, SAMPLE_ROWS);
  const width = Math.max(0, ...sample.map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, column) => column);
  const wordsOf = (column: number) => sample.map((row) => row.cells[column] ?? '').filter(hasWords);

  let unit = header.unit;
  if (unit === null && sample.length > 0) {
    const candidates = columns.filter((column) => column !== header.person && wordsOf(column).length > 0);
    const names = candidates.flatMap((column) => wordsOf(column).flatMap((cell) => readingsOf(cell).map((reading) => reading.name)));
    const units = namesUnits([...new Set(names)]);
    const count = (cells: string[], test: (cell: string) => boolean) => cells.filter(test).length;
    unit =
      highest(candidates, (column) => {
        const cells = wordsOf(column);
        return [count(cells, (cell) => readingsOf(cell).some((reading) => units.has(reading.name))), count(cells, looksLikeUnit), -count(cells, looksLikePerson)];
      }) ?? 0;
  }
  const unitColumn = unit ?? 0;
  const person =
    header.person ??
    highest(
      columns.filter((column) => column !== unitColumn && wordsOf(column).some(looksLikePerson)),
      (column) => [wordsOf(column).filter(looksLikePerson).length],
    ) ??
    null;

  const titleColumn =
    header.title ??
    highest(
      columns.filter((column) => column !== unitColumn && column !== person && wordsOf(column).length > 0 && wordsOf(column).every(looksLikeTitle)),
      (column) => [wordsOf(column).length],
    ) ??
    null;

  /** What each line reads the unit from: the typed line, or the row's unit cell; null for a line that names none. */
  const unitTexts = rows.map(({ line, cells, tabbed }, at) => {
    const unitText = tabbed ? (cells[unitColumn] ?? '') : line;
    return skipped[at] || !hasWords(unitText) ? null : unitText;
  });
  const readings = unitTexts.map((unitText) => (unitText === null ? [] : readingsOf(unitText)));
  // Every reading of every line asked in one go: the register is read once for the whole sheet.
  const units = namesUnits([...new Set(readings.flat().map((reading) => reading.name))]);

  return rows.map(({ line, lineNumber, cells, tabbed }, at): SheetLine => {
    const nothing = { line, lineNumber, name: '', representative: '', skipped: true };
    if (unitTexts[at] === null) return nothing;
    const own = chosenReading(readings[at] ?? [], units);
    if (!tabbed && !units.has(own.name) && isTitleLine(line)) return nothing;
    const signer = tabbed && person !== null ? (cells[person] ?? '') : '';
    const title = (tabbed && titleColumn !== null ? cells[titleColumn] : '') || (signer ? own.representative : '');
    return { line, lineNumber, name: own.name, representative: withTitle(signerWithTitle(signer || own.representative), title), skipped: false };
  });
}
