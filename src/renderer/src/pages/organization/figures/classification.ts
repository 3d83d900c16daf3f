/** Xếp loại: its colour on badges and charts, shared by the figures, the grid and the overview. */
import type { MantineColor } from '@mantine/core';
import type { Classification } from '../../../../../shared/domain';

export const classificationColors: Record<Classification | 'unclassified', MantineColor> = {
  good: 'teal',
  fair: 'blue',
  average: 'yellow',
  weak: 'red',
  unclassified: 'gray',
};
