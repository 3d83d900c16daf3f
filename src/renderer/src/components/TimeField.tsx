/**
 * The one time-of-day input of the app: typed as hours:minutes on the 24-hour clock ("8:30",
 * "08:30", "8h30" all work), held as `HH:mm` text (how times cross the contract).
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

function readTypedTime(typed: string): Reading {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  // An hour alone, or with its separator and part of the minutes: the person has not finished.
  const unfinished = /^(\d{1,2})(?:\s*[:hg.]\s*\d?)?$/i.exec(text);
  if (unfinished) {
    const hour = Number(unfinished[1]);
    return hour > 23 ? { kind: 'problem', problem: 'noHour' } : { kind: 'problem', problem: 'noMinutes', hour };
  }
  const whole = /^(\d{1,2})\s*[:hg.]\s*(\d{2})$/i.exec(text);
  if (!whole) return { kind: 'problem', problem: 'format' };
  const hour = Number(whole[1]);
  const minute = Number(whole[2]);
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

export function TimeField({ value = '', onChange, error, onBlur, ...props }: TimeFieldProps) {
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
  const problem = revealed || error ? messageOf(readTypedTime(text), text, t) : null;

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
        // A time read well is shown as the app writes times: "8h30" becomes 08:30.
        const reading = readTypedTime(text);
        if (reading.kind === 'time') setText(reading.value);
        onBlur?.(event);
      }}
      error={problem ?? error}
    />
  );
}
