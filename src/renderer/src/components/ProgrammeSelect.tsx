/**
 * The choice of a programme of supply–demand connection: the one a record belongs to, or the one a
 * list, an import or a report is of. A programme's name is often a sentence («Chương trình 503 –
 * Kết nối cung – cầu, tiêu thụ nông sản … giai đoạn 2026–2030 theo Quyết định số …»), longer than
 * a box shows on one line: the list wraps each name, and the name chosen, when the box cuts it, is
 * written out in full under the box.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Text } from '@mantine/core';
import { useProgrammes } from '../queries/supply';
import { LabelledSelect, type LabelledSelectProps } from './LabelledSelect';

interface ProgrammeSelectProps extends Omit<LabelledSelectProps, 'data' | 'value' | 'onChange' | 'ref' | 'searchValue' | 'onSearchChange'> {
  /** The programme's id; null for none (or, in a filter, for all). */
  value: number | null;
  onChange: (programmeId: number | null) => void;
}

export function ProgrammeSelect({ value, onChange, ...props }: ProgrammeSelectProps) {
  const programmes = useProgrammes();
  const input = useRef<HTMLInputElement>(null);
  // What the box shows, kept here: the Select writes the chosen name into it only after the
  // programmes are read, and the measure must see it there.
  const [shown, setShown] = useState('');
  const cut = useCutOff(input, shown);
  return (
    <div>
      <LabelledSelect
        ref={input}
        data={(programmes.data ?? []).map((programme) => ({ value: String(programme.id), label: programme.name }))}
        value={value === null ? null : String(value)}
        onChange={(next) => onChange(next === null ? null : Number(next))}
        searchValue={shown}
        onSearchChange={setShown}
        {...props}
      />
      {cut && (
        <Text size="xs" c="dimmed" mt={4}>
          {shown}
        </Text>
      )}
    </div>
  );
}

/**
 * Whether the box shows `text` cut off: measured once the box shows it, and again whenever the box
 * changes width (a dialog opening, a window resized). An empty box cuts nothing.
 */
function useCutOff(box: RefObject<HTMLInputElement | null>, text: string): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || text === '') return;
    const measure = () => setCut(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, text]);
  return cut && text !== '';
}
