/**
 * The one province picker: the 34 provinces of today, which can also be typed by a name from
 * before 1 July 2025 — "Bạc Liêu" offers Tỉnh Cà Mau, saying that Bạc Liêu is part of it now.
 */
import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../shared/text';
import { foldFilter } from '../forms/foldFilter';
import { useProvinces } from '../queries';
import { LabelledSelect } from './LabelledSelect';

type ProvinceSelectProps = Omit<Parameters<typeof LabelledSelect>[0], 'data' | 'filter' | 'searchable'> & {
  /** The province's short name ("An Giang") instead of its full one ("Tỉnh An Giang"). */
  shortLabels?: boolean;
};

export function ProvinceSelect({ shortLabels = false, ...props }: ProvinceSelectProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const formerOf = new Map((provinces.data ?? []).map((province) => [province.code, province.formerNames]));
  const data = (provinces.data ?? []).map((province) => ({ value: province.code, label: shortLabels ? province.name : province.fullName }));
  const filter: OptionsFilter = (input) => {
    const current = foldFilter(input);
    const words = foldText(input.search).split(' ').filter(Boolean);
    if (words.length === 0) return current;
    const taken = new Set(current.flatMap((option) => ('group' in option ? [] : [option.value])));
    const former: ComboboxItem[] = [];
    for (const option of input.options) {
      if ('group' in option || taken.has(option.value)) continue;
      const name = (formerOf.get(option.value) ?? []).find((candidate) => words.every((word) => foldText(candidate).includes(word)));
      if (name) former.push({ ...option, label: t('places.nowIn', { province: option.label, former: name }) });
    }
    return [...current, ...former].slice(0, input.limit);
  };
  return <LabelledSelect searchable filter={filter} data={data} {...props} />;
}
