/**
 * A calm theme for long office days. Fonts are the operating system's own: nothing is fetched
 * (the app works offline and its CSP forbids remote fonts), and these families all carry the
 * Vietnamese letters with stacked diacritics.
 */
import { Autocomplete, createTheme, MultiSelect, Select } from '@mantine/core';
import { foldFilter } from './forms/foldFilter';

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '600' },
  // Every list a person searches by typing ignores case and diacritics (đ as d), as the register's
  // search does: «tan thuan» finds «Tân Thuận», «ho chi minh» the city.
  components: {
    Select: Select.extend({ defaultProps: { filter: foldFilter } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { filter: foldFilter } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { filter: foldFilter } }),
  },
});
