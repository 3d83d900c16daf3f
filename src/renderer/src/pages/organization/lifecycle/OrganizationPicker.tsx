/**
 * Picks one or more organizations of the register by typing part of a name: the backend searches
 * (diacritics optional), and the ones already picked keep their names while the search changes.
 */
import { useId, useState, type ReactNode } from 'react';
import { Input, MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../../shared/domain';
import { useOrganizationOptions } from '../../../queries/register';

type Option = { value: string; label: string };
/** A picked organization's label in the list and its bare name, which a sentence about it uses. */
type Picked = { label: string; name: string };

/**
 * The organizations matching the search, as options, plus the ones picked (whose labels and names
 * are kept from when they were picked, since a later search may not return them).
 */
function useOptions(search: string, excludeId: number) {
  const [query] = useDebouncedValue(search.trim(), 200);
  const list = useOrganizationOptions(query);
  const [picked, setPicked] = useState<Record<string, Picked>>({});
  const { t } = useTranslation();
  const label = (organization: Organization) =>
    `${organization.name} (${organization.communeName}${organization.status === 'active' ? '' : ` · ${t(`organization.status.${organization.status}`)}`})`;
  const shown: (Option & Picked)[] = (list.data?.rows ?? [])
    .filter((organization) => organization.id !== excludeId)
    .map((organization) => ({ value: String(organization.id), label: label(organization), name: organization.name }));
  const pickedOf = (value: string): Picked => picked[value] ?? shown.find((option) => option.value === value) ?? { label: value, name: value };
  return {
    data: (values: string[]): Option[] => [
      ...values.filter((value) => !shown.some((option) => option.value === value)).map((value) => ({ value, label: pickedOf(value).label })),
      ...shown.map(({ value, label: text }) => ({ value, label: text })),
    ],
    /** Keeps the labels and names of `values`, and gives their names. */
    remember: (values: string[]): string[] => {
      const found = values.map((value) => [value, pickedOf(value)] as const);
      setPicked((known) => ({ ...known, ...Object.fromEntries(found) }));
      return found.map(([, one]) => one.name);
    },
    loading: list.isFetching,
  };
}

interface PickerProps {
  label: string;
  excludeId: number;
  required?: boolean;
  description?: string;
  error?: ReactNode;
}

export function OrganizationMultiPicker({
  label,
  excludeId,
  value,
  onChange,
  ...props
}: PickerProps & { value: string[]; onChange: (value: string[], names: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const options = useOptions(search, excludeId);
  return (
    <div>
      <Input.Label htmlFor={id} required={props.required}>
        {label}
      </Input.Label>
      <MultiSelect
        id={id}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        placeholder={t('figures.lifecycle.form.pickPlaceholder')}
        nothingFoundMessage={options.loading ? t('common.loading') : t('figures.lifecycle.form.pickNone')}
        data={options.data(value)}
        value={value}
        onChange={(next) => onChange(next, options.remember(next))}
        description={props.description}
        error={props.error}
      />
    </div>
  );
}

export function OrganizationPicker({
  label,
  excludeId,
  value,
  onChange,
  ...props
}: PickerProps & { value: string | null; onChange: (value: string | null, name: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const options = useOptions(search, excludeId);
  return (
    <div>
      <Input.Label htmlFor={id} required={props.required}>
        {label}
      </Input.Label>
      <Select
        id={id}
        searchable
        clearable
        // Choosing the one picked again keeps it (Mantine would clear it); the clear button clears.
        allowDeselect={false}
        onSearchChange={setSearch}
        placeholder={t('figures.lifecycle.form.pickPlaceholder')}
        nothingFoundMessage={options.loading ? t('common.loading') : t('figures.lifecycle.form.pickNone')}
        data={options.data(value ? [value] : [])}
        value={value}
        onChange={(next) => onChange(next, next ? (options.remember([next])[0] ?? null) : null)}
        description={props.description}
        error={props.error}
      />
    </div>
  );
}
