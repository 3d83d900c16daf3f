/**
 * One rule for every possible duplicate a person's save may confirm («Vẫn lưu») — an organization
 * or a partner of nearly the same name, an agreement of the same number, a year plan of the same
 * year and scope, an offer, a demand or an event already recorded: the save is refused with a
 * conflict naming every match (`similar`) until it carries the ids of them all
 * (`confirmedSimilarIds`), the matches the person was shown. One added since was not seen, and
 * refuses the save again; an id that a client sends for a record that is no match confirms nothing.
 */
import { conflict, type SimilarRecord } from '../../shared/errors';

/**
 * How a save treats possible duplicates: `ask` refuses it while one is not among those the person
 * confirmed; `chosen` takes it, for an import, whose preview showed them and whose person chose to
 * write the row.
 */
export type SimilarNames = 'ask' | 'chosen';

/** How many matches a refusal writes out; the rest are counted («và 2 tổ chức khác»). */
const namedInMessage = 3;

const listedVi = new Intl.ListFormat('vi', { type: 'conjunction' });

interface DuplicateRefusal {
  /** What one match is, as a count names it: «tổ chức», «nguồn cung». */
  noun: string;
  /**
   * The refusal, given how many matches there are as a sentence counts them («tổ chức», «2 tổ
   * chức») and the matches it names («HTX A, HTX B, HTX C và 2 tổ chức khác»).
   */
  message: (counted: string, named: string) => string;
  /** How one match reads in the message: its name unless said. */
  inSentence?: (match: SimilarRecord) => string;
}

/** Refuses a save while any of `matches` is not among `confirmedIds`; every match is named again, the confirmed too. */
export function refuseUnconfirmed(matches: readonly SimilarRecord[], confirmedIds: readonly number[], refusal: DuplicateRefusal): void {
  const confirmed = new Set(confirmedIds);
  if (matches.every((match) => confirmed.has(match.id))) return;
  const { noun, message, inSentence = (match: SimilarRecord) => match.name } = refusal;
  const named = matches.slice(0, namedInMessage).map((match) => inSentence(match));
  const others = matches.length - named.length;
  const counted = matches.length === 1 ? noun : `${String(matches.length)} ${noun}`;
  throw conflict(message(counted, listedVi.format(others > 0 ? [...named, `${String(others)} ${noun} khác`] : named)), matches[0]?.id, [...matches]);
}

/** A match as a message names a titled record with what tells it apart: «Hội nghị tổng kết» (ký ngày 03/02/2026). */
export function titledInSentence(match: SimilarRecord): string {
  return match.detail === '' ? `«${match.name}»` : `«${match.name}» (${match.detail})`;
}
