/**
 * Every column an import can map is named on the screens in both languages: the import screen
 * looks a field's label up by its key, and a missing one showed the key itself
 * ("excel.import.field.organizations.province") as a column's title.
 */
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/core/excel/import/fields';
import { excelEn, excelVi } from '../../src/renderer/src/i18n/areas/excel';
import { importKinds } from '../../src/shared/domain';

describe('import field labels', () => {
  it.each(importKinds)('name every field of a list of %s, in Vietnamese and English', (kind) => {
    const keys = fieldsOf(kind).map((field) => field.key);
    const unnamed = (labels: Record<string, string>) => keys.filter((key) => !labels[key]);
    expect({ vi: unnamed(excelVi.import.field[kind]), en: unnamed(excelEn.import.field[kind]) }).toEqual({ vi: [], en: [] });
  });
});
