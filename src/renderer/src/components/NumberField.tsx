/**
 * The one number input of the app: counts, money in đồng, quantities, scores, years. It reads what
 * is typed as Vietnamese write it (shared/typed.ts: "1.250,75", "1,5", "-12") and never changes it
 * behind the person's back: a number the field does not take (negative, too large, with decimals
 * where only whole numbers go, not a number at all) stays in the box as typed, with a message under
 * it, until it is corrected. Once the person leaves a number the field takes, its thousands are
 * grouped ("1250000" → "1.250.000"), which shows how it was read without changing it.
 *
 * Built on Mantine's TextInput rather than its NumberInput: NumberInput (react-number-format)
 * rewrites keystrokes as they come. Typed key by key into a field with a comma as decimal sign,
 * "1,5" became 5 and "1.250,75" became 75; with negatives not allowed, "-12" became 12; with a max of
 * 100, 150 became 100 on blur. None of it can be kept as typed and questioned.
 *
 * What the form gets: the number; null when the box is empty; or, while the box holds something the
 * field does not take, that text. A form's schema refuses text where a number goes, so a save is
 * refused while any number field is wrong, and the backend would refuse it too (never a silent 0).
 */
import { useEffect, useState, type FocusEvent, type ReactNode } from 'react';
import { Text, TextInput, type TextInputProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { checkNumber, formatTypedNumber, readTypedNumber, type NumberProblem, type NumberRules } from '../../../shared/typed';
import { readWrittenAmount } from '../../../shared/writtenAmounts';

/** A number field's value in its form: a number, null when empty, or text it cannot take. */
export type NumberFieldValue = number | null | string;

export type NumberFieldProps = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max'> &
  NumberRules & {
    value?: NumberFieldValue;
    onChange?: (value: NumberFieldValue) => void;
    /** Written after the number inside the box: ₫, or the unit of a quantity. */
    unit?: ReactNode;
    /** Thousands set off with dots (1.250.000), except in a year. True unless said. */
    grouping?: boolean;
    /**
     * An amount in đồng: what the Vietnamese reading refuses is read as the Excel import reads a
     * list ("1,5 tỷ", "1,500,000"; shared/writtenAmounts.ts), and what it was read as is said. A
     * figure's box gives the reading of its own field (`readFigureAmount`: «lỗ 50 triệu» of a
     * profit, «3,8 tr/tháng» of an income); true reads any amount (`readWrittenAmount`).
     */
    writtenAmounts?: boolean | AmountReading;
    /**
     * Text the field's own reading refuses, read by the form that knows the unit the box is for (a
     * quantity or a price written with a unit: «1,5 tấn», «12.000đ/kg»): a number it takes, with
     * what to say beneath of how it was read; or why not, in place of the field's own message;
     * null leaves it to the field.
     */
    readWithUnit?: (text: string) => UnitReading | null;
    /**
     * Why a bare number the field takes is doubted, or null: an amount in đồng too small to be
     * meant («1.200» of a revenue, typed from a report in triệu). It is then refused with this
     * message, as typed, until the person writes what it is («1.200 triệu», «1.200 đ»).
     */
    doubtBare?: (value: number, typed: string) => string | null;
  };

/** How a box reads an amount written as a list writes one, in đồng; null when it is not one. */
export type AmountReading = (text: string) => number | null;

/** What a form reads in text written with a unit (`readWithUnit`). */
export type UnitReading = { value: number; decimals: number; said: string } | { refused: string };

/** Every digit a stored number has: rounding it for show would change it silently. */
const allDigits = 20;

function textOf(value: NumberFieldValue, grouping: boolean): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatTypedNumber(value, allDigits, grouping) : value;
}

interface Judged {
  value: NumberFieldValue;
  problem: NumberProblem | null;
  /** The number as typed with its thousands grouped, for a number the field takes. */
  grouped?: string;
  /** Read as a list writes an amount, not as typed Vietnamese («1,5 tỷ»): said, as it is not what was typed. */
  readAsAmount?: boolean;
  /** Read with its unit by the form (`readWithUnit`): what to say of it. */
  saidWithUnit?: string;
  /** Why the form refuses it, written with a unit (`readWithUnit`). */
  refusedWithUnit?: string;
}

/** What a number field holds for `text` under `rules`, and why it refuses it. */
function judge(
  text: string,
  rules: NumberRules,
  writtenAmounts: boolean | AmountReading = false,
  readWithUnit?: (text: string) => UnitReading | null,
  doubtBare?: (value: number, typed: string) => string | null,
): Judged {
  const reading = readTypedNumber(text);
  if (reading.kind === 'empty') return { value: null, problem: null };
  const typedProblem = reading.kind === 'problem' ? reading.problem : checkNumber(reading.value, reading.decimals, rules);
  if (reading.kind === 'number' && !typedProblem) {
    const doubt = doubtBare?.(reading.value, text.trim());
    // Refused with the form's message, as a text written with a unit the form refuses is.
    if (doubt) return { value: text, problem: { code: 'notNumber' }, refusedWithUnit: doubt };
    return { value: reading.value, problem: null, grouped: reading.text };
  }
  const withUnit = typedProblem && readWithUnit ? readWithUnit(text.trim()) : null;
  if (withUnit && 'refused' in withUnit) return { value: text, problem: typedProblem, refusedWithUnit: withUnit.refused };
  if (withUnit) {
    const unitProblem = checkNumber(withUnit.value, withUnit.decimals, rules);
    return unitProblem ? { value: text, problem: unitProblem } : { value: withUnit.value, problem: null, grouped: formatTypedNumber(withUnit.value, allDigits), saidWithUnit: withUnit.said };
  }
  const amount = writtenAmounts === false ? null : (writtenAmounts === true ? readWrittenAmount : writtenAmounts)(text);
  if (typedProblem === null || amount === null) return { value: text, problem: typedProblem };
  const amountProblem = checkNumber(amount, Number.isInteger(amount) ? 0 : 1, rules);
  return amountProblem ? { value: text, problem: amountProblem } : { value: amount, problem: null, grouped: formatTypedNumber(amount), readAsAmount: true };
}

/**
 * What a number field gives its form for `text`, as if it had been typed in it: a number, null, or
 * the text it refuses; `readAsAmount`, the amount as the box shows it, when a list's way of
 * writing it was read («1,5 tỷ»), to be said; `said`, what `readWithUnit` says of how it read it.
 */
export function readNumberField(
  text: string,
  rules: NumberRules,
  writtenAmounts: boolean | AmountReading = false,
  readWithUnit?: (text: string) => UnitReading | null,
  doubtBare?: (value: number, typed: string) => string | null,
): { value: NumberFieldValue; readAsAmount?: string; said?: string } {
  const judged = judge(text, rules, writtenAmounts, readWithUnit, doubtBare);
  if (judged.saidWithUnit !== undefined) return { value: judged.value, said: judged.saidWithUnit };
  return judged.readAsAmount ? { value: judged.value, readAsAmount: judged.grouped } : { value: judged.value };
}

/** A number followed by words: «2.500 kg» typed where the box's unit is tấn. */
const numberWithWords = /^[-\u2212\d.,\s]*\d[\d.,\s]*\p{L}/u;

/** What Excel shows in a cell whose formula failed, copied with the cells around it: «#N/A», «#REF!», «#DIV/0!». */
const excelError = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

function messageOf(problem: NumberProblem, text: string, t: TFunction, unit: ReactNode, rules: NumberRules, grouping: boolean, money: boolean): string {
  // Bounds as the field writes its numbers: a year is 2000, not 2.000.
  const shown = (value: number) => formatTypedNumber(value, allDigits, grouping);
  switch (problem.code) {
    case 'notNumber':
      if (excelError.test(text.trim())) return t('fields.number.excelError', { text: text.trim() });
      if (typeof unit === 'string' && numberWithWords.test(text.trim())) return t('fields.number.withUnit', { text: text.trim(), unit });
      // A count («14 người»): how decimals are written is no help.
      if (!rules.decimals) return t('fields.number.notWholeNumber', { text: text.trim() });
      return t(`fields.number.${problem.code}`, { text: text.trim() });
    case 'dotGrouping':
    case 'tooLarge':
      return t(`fields.number.${problem.code}`, { text: text.trim() });
    case 'tooManyDecimals':
      return t('fields.number.tooManyDecimals', { decimals: problem.decimals });
    case 'notInteger':
      // «35,5» in a box of đồng was most often copied from a report in triệu: say how to write that.
      return money ? t('fields.number.moneyFraction', { text: text.trim() }) : t('fields.number.notInteger');
    case 'outOfRange':
      return t('fields.number.outOfRange', { min: shown(problem.min), max: shown(problem.max) });
    case 'belowMin':
      return t('fields.number.belowMin', { min: shown(problem.min) });
    case 'aboveMax':
      return t('fields.number.aboveMax', { max: shown(problem.max) });
    default:
      return t(`fields.number.${problem.code}`);
  }
}

export function NumberField({
  value = null,
  onChange,
  decimals,
  min,
  max,
  positive,
  unit,
  grouping = true,
  writtenAmounts = false,
  readWithUnit,
  doubtBare,
  error,
  onBlur,
  rightSection,
  rightSectionWidth,
  description,
  ...props
}: NumberFieldProps) {
  const { t } = useTranslation();
  const rules: NumberRules = { decimals, min, max, positive };
  const [text, setText] = useState(() => textOf(value, grouping));
  // The value this field last gave (or was given): another one comes from outside (a reset, Esc
  // in the year grid) and replaces the text.
  const [held, setHeld] = useState<NumberFieldValue>(value);
  // Messages wait until the person has left the field once, so that half-typed "1." is not scolded;
  // text it starts with was not half typed (a year grid's cell shown again with what it refused).
  const [revealed, setRevealed] = useState(() => typeof value === 'string');
  // How «1,5 tỷ» or «1,5 tấn» was read, once the box shows the number read: said beneath it.
  const [readFrom, setReadFrom] = useState<string | null>(null);
  if (!Object.is(value, held)) {
    setHeld(value);
    setText(textOf(value, grouping));
    setReadFrom(null);
    // Text put in from outside (a paste into the year grid) was not half typed: its message shows at once.
    if (typeof value === 'string') setRevealed(true);
  }

  const judged = judge(text, rules, writtenAmounts, readWithUnit, doubtBare);
  // Text with a unit reads anew when the form's unit changes («1,5 tấn» typed before tấn was chosen,
  // or tấn changed to kg before the box was left): the form gets what the box now says, and gives
  // it back as a value from outside.
  const reread = (judged.saidWithUnit !== undefined || judged.refusedWithUnit !== undefined) && !Object.is(judged.value, held) ? judged.value : undefined;
  useEffect(() => {
    if (reread !== undefined) onChange?.(reread);
  }, [reread, onChange]);
  const problem = judged.problem && (revealed || error) ? (judged.refusedWithUnit ?? messageOf(judged.problem, text, t, unit, rules, grouping, writtenAmounts !== false)) : null;
  const unitWidth = typeof unit === 'string' ? Math.max(28, unit.length * 8 + 16) : undefined;

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        const next = judge(typed, rules, writtenAmounts, readWithUnit, doubtBare).value;
        setText(typed);
        setHeld(next);
        setReadFrom(null);
        onChange?.(next);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setRevealed(true);
        if (judged.readAsAmount && judged.grouped !== undefined) setReadFrom(t('fields.number.readAsAmount', { typed: text.trim(), amount: judged.grouped }));
        if (judged.saidWithUnit !== undefined) setReadFrom(judged.saidWithUnit);
        const readOtherwise = judged.readAsAmount || judged.saidWithUnit !== undefined;
        if ((grouping || readOtherwise) && judged.grouped !== undefined && judged.grouped !== text) setText(judged.grouped);
        onBlur?.(event);
      }}
      // What «1,5 tỷ» was read as, before the field's own hint (a profit's warning stays said).
      {...(readFrom
        ? {
            description: description ? (
              <>
                {readFrom} {description}
              </>
            ) : (
              readFrom
            ),
            inputWrapperOrder: ['label', 'input', 'description', 'error'],
          }
        : { description })}
      error={problem ?? error}
      rightSection={
        unit ? (
          <Text size="sm" c="dimmed" pr={4}>
            {unit}
          </Text>
        ) : (
          rightSection
        )
      }
      rightSectionWidth={unit ? unitWidth : rightSectionWidth}
    />
  );
}
