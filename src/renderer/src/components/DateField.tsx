/**
 * The one date input of the app: typed as dd/mm/yyyy ("1/7/2025" works as well as "01/07/2025") or
 * picked from the calendar, held as ISO `YYYY-MM-DD` text (how dates cross the contract).
 *
 * A date that does not exist (31/02/2024), one not written as day/month/year, or one outside the
 * field's range stays in the box as typed with a message under it. Mantine's DateInput alone would
 * keep the last good date and put it back on blur (`fixOnBlur`), so a typo cleared the field or
 * left the old date without a word; here `fixOnBlur` is off and the text reaches the form.
 *
 * What the form gets: the ISO date; null when the box is empty; or, while the box holds something
 * that is not a day the field takes, that text — which every date in the contract refuses, so a save
 * is refused until it is corrected.
 */
import 'dayjs/locale/vi';
import { useState, type FocusEvent, type SyntheticEvent } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { isIsoDate, readTypedDate, type DateProblem } from '../../../shared/typed';

type Problem = DateProblem | { code: 'beforeMin' | 'afterMax'; date: string };

type DateFieldProps = Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'minDate' | 'maxDate'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The first and last day taken, ISO; anything else (a neighbouring field still wrong) is ignored. */
  minDate?: string | null;
  maxDate?: string | null;
};

/** The ISO date when it is one, else null: what the calendar can be given. */
function isoOrNull(value: string | null | undefined): string | null {
  return value && isIsoDate(value) ? value : null;
}

function textOf(value: string | null): string {
  if (value === null) return '';
  return isIsoDate(value) ? formatDate(value) : value;
}

function judge(text: string, minDate: string | null, maxDate: string | null): { value: string | null; problem: Problem | null } {
  const reading = readTypedDate(text);
  if (reading.kind === 'empty') return { value: null, problem: null };
  if (reading.kind === 'problem') return { value: text, problem: reading.problem };
  if (minDate !== null && reading.iso < minDate) return { value: text, problem: { code: 'beforeMin', date: minDate } };
  if (maxDate !== null && reading.iso > maxDate) return { value: text, problem: { code: 'afterMax', date: maxDate } };
  return { value: reading.iso, problem: null };
}

function messageOf(problem: Problem, text: string, t: TFunction): string {
  const shown = text.trim();
  switch (problem.code) {
    case 'beforeMin':
    case 'afterMax':
      return t(`fields.date.${problem.code}`, { date: formatDate(problem.date) });
    case 'noMonth':
      return t('fields.date.noMonth', { text: shown, month: problem.month });
    case 'noDay':
      return t('fields.date.noDay', { text: shown, month: problem.month, year: problem.year, lastDay: problem.lastDay });
    default:
      return t(`fields.date.${problem.code}`, { text: shown });
  }
}

/** How the calendar reads typed text: a real day or nothing (the field says why). */
function parseTyped(text: string): string | null {
  const reading = readTypedDate(text);
  return reading.kind === 'date' ? reading.iso : null;
}

export function DateField({ value = null, onChange, minDate, maxDate, error, onBlur, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const min = isoOrNull(minDate);
  const max = isoOrNull(maxDate);
  const [text, setText] = useState(() => textOf(value));
  // The value this field last gave (or was given); another one comes from outside (a reset) and
  // starts Mantine's input afresh, since its text is its own.
  const [held, setHeld] = useState<string | null>(value);
  const [revision, setRevision] = useState(0);
  // Messages wait until the person has left the field once, so that half-typed "3/" is not scolded.
  const [revealed, setRevealed] = useState(false);
  // Escape while the calendar is open closes the calendar, and only it: the field says so the way
  // Mantine's own dropdowns do, and the dialog around it leaves that Escape alone — it neither
  // closes nor asks «Bỏ các thay đổi chưa lưu?». The next Escape is the dialog's.
  const [calendarOpen, setCalendarOpen] = useState(false);
  if (value !== held) {
    setHeld(value);
    setText(textOf(value));
    setRevision(revision + 1);
    // The input starts afresh, its calendar closed.
    setCalendarOpen(false);
  }

  const give = (next: string | null, typed: string) => {
    setText(typed);
    setHeld(next);
    onChange?.(next);
  };
  const judged = judge(text, min, max);
  const problem = judged.problem && (revealed || error) ? messageOf(judged.problem, text, t) : null;

  return (
    <DateInput
      key={revision}
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      locale={i18n.language === 'vi' ? 'vi' : 'en'}
      dateParser={parseTyped}
      fixOnBlur={false}
      clearable
      {...props}
      popoverProps={{ onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
      data-mantine-stop-propagation={calendarOpen || undefined}
      minDate={min ?? undefined}
      maxDate={max ?? undefined}
      value={isoOrNull(held)}
      // Typing: every keystroke, read here, so that a wrong date reaches the form as its text.
      onInput={(event: SyntheticEvent<HTMLInputElement>) => {
        const typed = event.currentTarget.value;
        give(judge(typed, min, max).value, typed);
      }}
      // The calendar and the clear button; typed dates come here too, with the same value.
      onChange={(next) => {
        if (next !== held) give(next, textOf(next));
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setRevealed(true);
        onBlur?.(event);
      }}
      error={problem ?? error}
    />
  );
}
