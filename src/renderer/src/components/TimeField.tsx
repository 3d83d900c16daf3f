/**
 * The one time-of-day input of the app: typed as hours:minutes on the 24-hour clock ("8:30",
 * "08:30", "8h30", "8g30", "8 giờ 30" all work, and "8h", "8 giờ" are on the hour), held as
 * `HH:mm` text (how times cross the contract). What a time written otherwise was read as is said
 * under the box; the box keeps what was typed.
 *
 * Mantine's TimePicker reads each keystroke into a number it clamps, so "25" became 05 and an hour
 * without its minutes quietly became no time at all. Here the box keeps what was typed, and a time
 * that does not exist or lacks its minutes is said under it.
 *
 * What the form gets: `HH:mm`; '' when the box is empty; or, while the box holds something that is
 * not a time, that text — which the contract refuses, so a save is refused until it is corrected.
 */
import { useState, type FocusEvent } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type TimeFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
};

type Problem = 'format' | 'noMinutes' | 'noHour' | 'noMinute';
type Reading = { kind: 'empty' } | { kind: 'time'; value: string } | { kind: 'problem'; problem: Problem; hour?: number };

const pad = (part: number) => String(part).padStart(2, '0');

/** What says the hour when a time is written in words, as offices write one: «8h», «8g30», «8 giờ 30 phút». */
const hourMark = String.raw`(?:h|g|giờ)`;
/** An hour said by its mark alone is on the hour: «8h», «8 giờ» are 08:00. */
const onTheHour = new RegExp(String.raw`^(\d{1,2})\s*${hourMark}$`, 'iu');
const withMinutes = new RegExp(String.raw`^(\d{1,2})\s*(?:[:.]|${hourMark})\s*(\d{2})(?:\s*(?:phút|p))?$`, 'iu');

function readTypedTime(typed: string): Reading {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const whole = withMinutes.exec(text) ?? onTheHour.exec(text);
  if (!whole) {
    // An hour alone, or with a colon and part of the minutes («8», «8:», «8h3»): the person has not finished.
    const unfinished = new RegExp(String.raw`^(\d{1,2})(?:\s*(?:[:.]|${hourMark})\s*\d?)?$`, 'iu').exec(text);
    if (!unfinished) return { kind: 'problem', problem: 'format' };
    const hour = Number(unfinished[1]);
    return hour > 23 ? { kind: 'problem', problem: 'noHour' } : { kind: 'problem', problem: 'noMinutes', hour };
  }
  const hour = Number(whole[1]);
  const minute = Number(whole[2] ?? 0);
  if (hour > 23) return { kind: 'problem', problem: 'noHour' };
  if (minute > 59) return { kind: 'problem', problem: 'noMinute' };
  return { kind: 'time', value: `${pad(hour)}:${pad(minute)}` };
}

function messageOf(reading: Reading, text: string, t: TFunction): string | null {
  if (reading.kind !== 'problem') return null;
  const shown = text.trim();
  if (reading.problem === 'noMinutes') return t('fields.time.noMinutes', { text: shown, example: `${pad(reading.hour ?? 0)}:00` });
  return t(`fields.time.${reading.problem}`, { text: shown });
}

/** What the form is given for the text in the box. */
function valueOf(typed: string): string {
  const reading = readTypedTime(typed);
  return reading.kind === 'time' ? reading.value : reading.kind === 'empty' ? '' : typed;
}

export function TimeField({ value = '', onChange, error, onBlur, description, ...props }: TimeFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // The value this field last gave (or was given); another one comes from outside (a reset).
  const [held, setHeld] = useState(value);
  // Messages wait until the person has left the box once, so that a half-typed "8:" is not scolded.
  const [revealed, setRevealed] = useState(false);
  if (value !== held) {
    setHeld(value);
    setText(value);
  }
  const reading = readTypedTime(text);
  const problem = revealed || error ? messageOf(reading, text, t) : null;
  // A time written otherwise than the app writes it («8h», «8 giờ 30») is kept as typed, and what it was read as said under it.
  const read = reading.kind === 'time' && reading.value !== text.trim() ? t('fields.time.readAs', { typed: text.trim(), time: reading.value }) : null;

  return (
    <TextInput
      placeholder="hh:mm"
      inputMode="numeric"
      autoComplete="off"
      {...props}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        const next = valueOf(typed);
        setText(typed);
        setHeld(next);
        onChange?.(next);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setRevealed(true);
        onBlur?.(event);
      }}
      description={read ?? description}
      error={problem ?? error}
    />
  );
}
