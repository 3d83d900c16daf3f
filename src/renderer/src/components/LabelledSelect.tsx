/**
 * A Mantine Select whose label names the text box only. Given `label`, Mantine also names its
 * listbox (kept mounted while hidden) with it, so `getByLabel('Tỉnh, thành phố')` found two
 * elements and Playwright refused to pick one; a label of our own, tied by `htmlFor`, names one.
 */
import { useId, type Ref } from 'react';
import { Input, MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';

export interface LabelledSelectProps extends Omit<SelectProps, 'label' | 'id'> {
  label: string;
  /** The text box, to measure what it shows (`ProgrammeSelect`). */
  ref?: Ref<HTMLInputElement>;
}

export function LabelledSelect({ label, required, ...props }: LabelledSelectProps) {
  const id = useId();
  return (
    <div>
      <Input.Label htmlFor={id} required={required}>
        {label}
      </Input.Label>
      <Select id={id} required={required} {...props} />
    </div>
  );
}

/** A MultiSelect named by its text box only, for the same reason. */
export function LabelledMultiSelect<Value extends string>({ label, required, ...props }: Omit<MultiSelectProps<Value>, 'label' | 'id'> & { label: string }) {
  const id = useId();
  return (
    <div>
      <Input.Label htmlFor={id} required={required}>
        {label}
      </Input.Label>
      <MultiSelect<Value> id={id} required={required} {...props} />
    </div>
  );
}
