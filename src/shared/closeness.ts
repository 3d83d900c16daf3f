/**
 * How close a name reads to what was typed into a search box, for putting the closest first: one
 * rule for the register's list, the partners' list and the participant picker, which orders its
 * two groups by it. Pure: no node, DOM or electron.
 */
import { expandedNameWords } from './names';
import { foldText, withoutControlCharacters } from './text';

/**
 * A commune's type at the start of a query («xã Đông Hòa», «phường Bình Đức», as the register
 * shows communes), or an old district's («huyện Chợ Mới», as old addresses name them): no name
 * begins with one, so what follows is the place's name, found in the search text without its type —
 * an old address may write its district «H. Chợ Mới» or, from a list's district column, «Chợ Mới».
 * Elsewhere «xã» stays a word: «hợp tác xã …».
 */
const communeTypeFirst = /^(?:xa|phuong|dac khu|thi tran|huyen|quan|thi xa|thanh pho) (?=\S)/;

/**
 * The folded words of a query, each once, as search reads them. Characters that are not text go
 * first: a NUL would end FTS5's reading of the quoted term.
 */
export function queryWords(query: string): string[] {
  const folded = foldText(withoutControlCharacters(query)).trim().replace(communeTypeFirst, '');
  return [...new Set(folded.split(' ').filter(Boolean))];
}

/** Each word of the names ranked so far, with its short form written out ("nn" → nong nghiep). */
const writtenOut = new Map<string, readonly string[]>();
/** Enough for every word of a national register's names; past it the memory is started again. */
const WRITTEN_OUT_KEPT = 50_000;

/**
 * `expandedNameWords` of a folded name (`name_folded`), a word at a time from `writtenOut`: a
 * search ranks up to 1,000 names on every key press, and folding and reading each whole name again
 * cost several times as much. A short form of two words is read a word at a time: "lh htx" as the
 * table writes it out, "qtd nd" as "quy tin dung nd", which only ranks such a name a little lower.
 */
function foldedNameWords(folded: string): string[] {
  const words: string[] = [];
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    let long = writtenOut.get(word);
    if (long === undefined) {
      if (writtenOut.size >= WRITTEN_OUT_KEPT) writtenOut.clear();
      long = expandedNameWords(word);
      writtenOut.set(word, long);
    }
    words.push(...long);
  }
  return words;
}

/**
 * How far an organization's name is from reading as what was typed, for putting the closest first:
 * lower is closer, 0 when the typed words are whole words of the name one after another ("vinh hoa moi" in "HTX
 * Nông nghiệp Vĩnh Hòa Mới"). Counted first, the typed neighbours that are not neighbours in the
 * name ("HTX Môi trường Vĩnh Hòa Hưng" has "vinh hoa" but not "hoa moi"); then the typed words that
 * are not whole words of it ("hoa" in "Vĩnh Hoàng"). The last word typed may be the start of a
 * neighbour, being typed still ("vinh hoa m"). Both sides have their short forms written out
 * (`expandedNameWords`), so "htx nn vinh binh" reads "HTX Nông nghiệp Vĩnh Bình" as closely as its
 * own spelling. The function takes the name folded (`name_folded`).
 */
export function nameCloseness(typedWords: readonly string[]): (name: string) => number {
  const typed = expandedNameWords(typedWords.join(' '));
  const last = typed.length - 1;
  const perApart = typed.length + 1;
  return (name) => {
    const words = foldedNameWords(name);
    let apart = 0;
    for (let at = 0; at < last; at++) {
      const [first, next] = [typed[at] ?? '', typed[at + 1] ?? ''];
      const follows = (word: string | undefined) => word !== undefined && (at + 1 === last ? word.startsWith(next) : word === next);
      if (!words.some((word, index) => word === first && follows(words[index + 1]))) apart++;
    }
    const partial = typed.filter((word) => !words.includes(word)).length;
    return apart * perApart + partial;
  };
}

/** `nameCloseness` for what was typed into a search box. */
export function searchCloseness(query: string): (name: string) => number {
  return nameCloseness(queryWords(query));
}

/**
 * `rows` (in the list's order) with the closest first (`closeness`: lower is closer), rows equally
 * close keeping their order. The sort is stable, so this is the list's order within each step.
 */
export function closestFirst<T>(rows: readonly T[], closeness: (row: T) => number): T[] {
  return rows
    .map((row) => ({ row, distance: closeness(row) }))
    .sort((a, b) => a.distance - b.distance)
    .map(({ row }) => row);
}
