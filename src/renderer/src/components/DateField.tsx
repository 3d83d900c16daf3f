/**
 * A date typed or picked as dd/mm/yyyy, held as ISO `YYYY-MM-DD` text (how dates cross the
 * contract). Typing "1/7/2025" works as well as picking from the calendar. The one date input of
 * the app.
 */
import 'dayjs/locale/vi';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** `1/7/2025` or `01/07/2025` → `2025-07-01`; null when it is not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder="dd/mm/yyyy"
      locale={i18n.language === 'vi' ? 'vi' : 'en'}
      dateParser={parseDayMonthYear}
      clearable
      value={value ? value : null}
      onChange={(next) => onChange?.(next ?? null)}
      {...props}
    />
  );
}
