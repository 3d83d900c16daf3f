/**
 * The `filter` of searchable Selects: case and diacritics are ignored, so "dong thap" finds
 * "Đồng Tháp", and every typed word must appear in any order, like the members search.
 */
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldText } from '../../../shared/text';

export const foldFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldText(search).split(' ').filter(Boolean);
  const matches = (item: ComboboxItem) => {
    const label = foldText(item.label);
    return words.every((word) => label.includes(word));
  };
  const found: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (found.length >= limit) break;
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) found.push({ group: option.group, items });
    } else if (matches(option)) {
      found.push(option);
    }
  }
  return found;
};
