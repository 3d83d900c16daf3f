/** Step 3: each column of the file and the field it feeds; the proposal comes from its header. */
import { useState } from 'react';
import { Alert, Badge, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FIRST_FIGURES_YEAR, type ImportAnalysis } from '../../../../../shared/contract';
import { NumberField, type NumberFieldValue } from '../../../components/NumberField';

/** Column index → field key, or null for a column not imported. */
export type ColumnMapping = Record<number, string | null>;

interface MappingStepProps {
  analysis: ImportAnalysis;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  /** Labels of required fields no column feeds. */
  missing: string[];
  /** The year of the list's figures is asked: figures are mapped without a "Năm" column. */
  yearAsked: boolean;
  /** The year the field shows; null: none yet (the title names several years, `ImportAnalysis.titleYears`). */
  year: number | null;
  /** A year the field takes, or null while the box is empty or holds what it does not take. */
  onYearChange: (year: number | null) => void;
}

export function MappingStep({ analysis, mapping, onChange, missing, yearAsked, year, onYearChange }: MappingStepProps) {
  const { t } = useTranslation();
  // The year as typed, kept while it is not one the field takes; the wizard keeps the last good one.
  const [typedYear, setTypedYear] = useState<NumberFieldValue | undefined>(undefined);
  const fieldLabel = (key: string) => t(`excel.import.field.${analysis.kind}.${key}` as 'excel.import.field.organizations.name');
  const taken = new Set(Object.values(mapping).filter((field): field is string => field !== null));
  const proposedAnew = analysis.columns.filter((column) => column.proposedAnew);
  const hidden = analysis.columns.filter((column) => column.hidden);
  const named = (columns: typeof hidden) => columns.map((column) => t('excel.import.columnNamed', { letter: column.letter, header: column.header })).join(', ');
  return (
    <Stack>
      {analysis.rememberedMapping ? <Text size="sm">{t('excel.import.remembered')}</Text> : null}
      {proposedAnew.length > 0 ? (
        <Alert color="yellow">{t('excel.import.proposedAnew', { columns: named(proposedAnew) })}</Alert>
      ) : null}
      {hidden.length > 0 ? <Alert color="gray">{t('excel.import.hiddenColumns', { columns: named(hidden) })}</Alert> : null}
      <Table withTableBorder striped maw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('excel.import.column')}</Table.Th>
            <Table.Th>{t('excel.import.sample')}</Table.Th>
            <Table.Th w={340}>{t('excel.import.fieldColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.columns.map((column, position) => {
            const current = mapping[column.index] ?? null;
            return (
              <Table.Tr key={column.index}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {column.letter}: {column.header}
                  </Text>
                  {column.proposedAnew ? (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('excel.import.proposedAnewBadge')}
                    </Badge>
                  ) : null}
                  {column.hidden ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t('excel.import.hiddenColumnBadge')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {analysis.sampleRows
                      .map((row) => row.cells[position] ?? '')
                      .filter(Boolean)
                      .slice(0, 2)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('excel.import.fieldColumn')} ${column.letter}`}
                    allowDeselect={false}
                    data={[
                      { value: '', label: t('excel.import.notImported') },
                      ...analysis.fields
                        .filter((field) => field.key === current || !taken.has(field.key))
                        .map((field) => ({ value: field.key, label: `${fieldLabel(field.key)}${field.required ? ` ${t('excel.import.requiredMark')}` : ''}` })),
                    ]}
                    value={current ?? ''}
                    onChange={(value) => onChange({ ...mapping, [column.index]: value ? value : null })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {yearAsked ? (
        <NumberField
          maw={360}
          label={t('excel.import.figuresYear')}
          description={
            analysis.titleYears
              ? t('excel.import.figuresYearSeveral', analysis.titleYears)
              : analysis.detectedYear
                ? t('excel.import.figuresYearDetected', { year: analysis.detectedYear })
                : t('excel.import.yearHint')
          }
          required
          value={typedYear ?? year}
          min={FIRST_FIGURES_YEAR}
          max={2100}
          grouping={false}
          onChange={(value) => {
            setTypedYear(value);
            onYearChange(typeof value === 'number' ? value : null);
          }}
        />
      ) : null}
      {missing.length ? (
        <Alert color="orange" role="alert">
          {t('excel.import.requiredMissing', { fields: missing.join(', ') })}
        </Alert>
      ) : null}
    </Stack>
  );
}
