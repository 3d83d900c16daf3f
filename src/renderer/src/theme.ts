/**
 * A calm theme for long office days. Fonts are the operating system's own: nothing is fetched
 * (the app works offline and its CSP forbids remote fonts), and these families all carry the
 * Vietnamese letters with stacked diacritics.
 */
import { createTheme } from '@mantine/core';

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: '600' },
});
