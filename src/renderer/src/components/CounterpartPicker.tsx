/**
 * Picks the other side of a connection: a member organization of the register (Thành viên) or a
 * partner (Đối tác), found by typing part of its name. Both lists are searched by the backend, which
 * ignores case and diacritics, so "vinh binh" finds "Hợp tác xã Nông nghiệp Vĩnh Bình", and puts the
 * names closest to what was typed first; the side whose closest name is closer comes first
 * (`searchCloseness`, the lists' own rule), and a name found only with a typo forgiven says so.
 *
 * Used for the participants of an event and the parties of an agreement.
 *
 * Props:
 * - `label`: what the field is called on the screen (it names the text box only, as LabelledSelect).
 * - `value` / `onChange`: a single `Counterpart` or null; with `multiple`, an array of them.
 * - `multiple`: pick several at once (chips in the box); picked ones leave the dropdown.
 * - `exclude`: counterparts not to offer, e.g. those already taking part (only kind and id matter).
 * - `only`: offer one side only (the organization offering goods is a member, never a partner).
 * - `error`, `required`, `description`, `placeholder`, `disabled`: as on any Mantine input.
 */
import { useId, useState } from 'react';
import { Badge, Group, Input, MultiSelect, Select, Stack, Text, type ComboboxData, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { searchCloseness } from '../../../shared/closeness';
import { formatDate } from '../../../shared/format';
import { foldText } from '../../../shared/text';
import { useOrganizationList } from '../queries';
import { usePartnerOptions } from '../queries/events';

export type CounterpartKind = 'organization' | 'partner';

/** A member organization or a partner, as the picker returns it. */
export interface Counterpart {
  kind: CounterpartKind;
  id: number;
  name: string;
}

interface CommonProps {
  label: string;
  /** Counterparts not to offer; only `kind` and `id` are compared. */
  exclude?: readonly Pick<Counterpart, 'kind' | 'id'>[];
  /** Only this side is offered. */
  only?: CounterpartKind;
  error?: string | null;
  required?: boolean;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value: Counterpart | null;
  onChange: (value: Counterpart | null) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value: Counterpart[];
  onChange: (value: Counterpart[]) => void;
}

export type CounterpartPickerProps = SingleProps | MultipleProps;

/** How many of each side the dropdown offers for what has been typed; typing more narrows it. */
const optionsPerSide = 20;
const searchDelayMs = 200;

/** The option's value: kind and id in one string, as Mantine's options need. */
function keyOf({ kind, id }: Pick<Counterpart, 'kind' | 'id'>): string {
  return `${kind}:${String(id)}`;
}

/**
 * The backend has already searched; the dropdown shows what it found as it is, without `unfound`:
 * the ones picked that the search typed did not find, kept in the data only for Mantine to show their names.
 */
function shownAsFound(unfound: ReadonlySet<string>): OptionsFilter {
  return ({ options }) =>
    options.flatMap((option): ComboboxParsedItem[] => {
      if (!('group' in option)) return unfound.has(option.value) ? [] : [option];
      const items = option.items.filter((item) => !unfound.has(item.value));
      return items.length > 0 ? [{ ...option, items }] : [];
    });
}

interface Option {
  counterpart: Counterpart;
  /**
   * A second line that tells two of the same name apart: kind and commune, or province; and for an
   * organization not working as usual, its status — one that ended is refused for what is dated
   * after its end, so the person sees why before choosing it.
   */
  detail: string;
  /** Found only with a typo forgiven (`nearMatch` of the register's list): offered after the others, and said. */
  nearMatch?: boolean;
}

export function CounterpartPicker(props: CounterpartPickerProps) {
  const { label, exclude = [], only, error, required, description, placeholder, disabled } = props;
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  // Several are picked one at a time, but the open list would hide the rest of the form (a
  // dialog's role, status and save button) until Escape: it closes at each pick, and typing the
  // next name opens it again.
  const [listOpened, setListOpened] = useState(false);
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const picked = props.multiple ? props.value : props.value ? [props.value] : [];
  // In single mode the box shows the picked name as its search text; that is not a new search.
  const typed = !props.multiple && props.value && query === props.value.name ? '' : query;

  const organizations = useOrganizationList({ ...(typed ? { query: typed } : {}), page: 1, pageSize: optionsPerSide });
  const partners = usePartnerOptions(typed, optionsPerSide);

  const excluded = new Set(exclude.map(keyOf));
  const found: Option[] = [
    ...(organizations.data?.rows ?? []).map((row) => ({
      counterpart: { kind: 'organization' as const, id: row.id, name: row.name },
      nearMatch: row.nearMatch,
      detail: [
        t(`organization.kindShort.${row.kind}`),
        row.communeName,
        row.endedOn !== null
          ? t('events.picker.endedOn', { status: t(`organization.status.${row.status}`), date: formatDate(row.endedOn) })
          : row.status !== 'active' && t(`organization.status.${row.status}`),
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    ...(partners.data?.rows ?? []).map((row) => ({
      counterpart: { kind: 'partner' as const, id: row.id, name: row.name },
      detail: row.provinceName,
    })),
  ].filter((option) => !excluded.has(keyOf(option.counterpart)) && (only === undefined || option.counterpart.kind === only));
  // What is picked stays among the options, or Mantine could not show its name; but for a new search
  // it is offered only where that search found it, not ahead of what the person is looking for.
  const options = new Map<string, Option>(found.map((option) => [keyOf(option.counterpart), option]));
  const unfound = new Set<string>();
  for (const counterpart of picked) {
    if (options.has(keyOf(counterpart))) continue;
    options.set(keyOf(counterpart), { counterpart, detail: '' });
    if (typed) unfound.add(keyOf(counterpart));
  }

  // Each side comes ranked; the side holding the closest name found as typed goes first, members on a tie.
  const closeness = searchCloseness(typed);
  const closestOf = (kind: CounterpartKind) =>
    Math.min(Infinity, ...found.filter((option) => option.counterpart.kind === kind && !option.nearMatch).map((option) => closeness(foldText(option.counterpart.name))));
  const groups: { kind: CounterpartKind; title: string }[] = [
    { kind: 'organization' as const, title: t('nav.members') },
    { kind: 'partner' as const, title: t('nav.partners') },
  ].sort((a, b) => closestOf(a.kind) - closestOf(b.kind) || 0);
  const data: ComboboxData = groups
    .map(({ kind, title }) => ({
      group: title,
      items: [...options.entries()]
        .filter(([, option]) => option.counterpart.kind === kind)
        .map(([value, option]) => ({ value, label: option.counterpart.name })),
    }))
    .filter((group) => group.items.length > 0);

  const renderOption = ({ option }: { option: { value: string; label: string } }) => {
    const { detail, nearMatch } = options.get(option.value) ?? {};
    return (
      <Stack gap={0}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm">{option.label}</Text>
          {nearMatch && (
            <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }} title={t('members.nearMatchHint')}>
              {t('members.nearMatch')}
            </Badge>
          )}
        </Group>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Stack>
    );
  };

  const common = {
    id,
    data,
    searchable: true,
    filter: shownAsFound(unfound),
    searchValue: search,
    onSearchChange: setSearch,
    renderOption,
    // A picker of one side only says so: "Gõ tên thành viên để tìm", not "… hoặc đối tác".
    nothingFoundMessage: organizations.isFetching || partners.isFetching ? t('common.loading') : t(only ? `events.picker.${only}.nothingFound` : 'events.picker.nothingFound'),
    placeholder: placeholder ?? t(only ? `events.picker.${only}.placeholder` : 'events.picker.placeholder'),
    error,
    required,
    description,
    disabled,
    // The dropdown is as wide as it needs to be: cooperative names run long.
    comboboxProps: { width: 'target' as const, position: 'bottom-start' as const },
  };

  return (
    <div>
      <Input.Label htmlFor={id} required={required}>
        {label}
      </Input.Label>
      {props.multiple ? (
        <MultiSelect
          {...common}
          hidePickedOptions
          dropdownOpened={listOpened}
          onDropdownOpen={() => setListOpened(true)}
          onDropdownClose={() => setListOpened(false)}
          value={props.value.map(keyOf)}
          onChange={(values) => {
            setListOpened(false);
            props.onChange(values.map((value) => options.get(value)?.counterpart).filter((item): item is Counterpart => item !== undefined));
          }}
        />
      ) : (
        <Select
          {...common}
          clearable
          // Choosing the one picked again keeps it (Mantine would clear it); the clear button clears.
          allowDeselect={false}
          value={props.value ? keyOf(props.value) : null}
          onChange={(value) => props.onChange(value === null ? null : (options.get(value)?.counterpart ?? null))}
          // The box shows the name of what is picked again once the search ends without a new pick:
          // Mantine does so on leaving the box, not on choosing the same one again or on Escape.
          onOptionSubmit={(value) => setSearch(options.get(value)?.counterpart.name ?? '')}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && props.value) setSearch(props.value.name);
          }}
        />
      )}
    </div>
  );
}
