/**
 * Step 4: the values of coded columns (Loại hình, Lĩnh vực, Quy mô, Xếp loại) that are not the
 * lookups' own words — "HTX DVNN", "Tiểu thủ công nghiệp" — each mapped once to a lookup value or
 * left blank. The app proposes what it is sure of and what was chosen at an earlier import; the
 * person sees every one and may change it. Changing any runs the preview again.
 */
import { useEffect, useState } from 'react';
import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportValueChoice } from '../../../../../shared/contract';
import { LoadError } from '../../../components/LoadError';
import { usePreview } from '../../../queries/imports';

/** The value a choice is mapped to, keyed as `valueKey` says; '' is blank. */
export type ValueChoices = Record<string, string>;

export function valueKey(choice: Pick<ImportValueChoice, 'field' | 'written'>): string {
  return `${choice.field}\u0000${choice.written}`;
}

const BLANK = '';

interface ValuesStepProps {
  previewJobId: string;
  running: boolean;
  /** No value needs mapping: go straight on to the preview. */
  onNothingToMap: () => void;
  /** The person kept every value as shown. */
  onAccept: () => void;
  /** The person changed some: the preview runs again with all of them. */
  onChange: (values: { field: string; written: string; value: string | null }[]) => void;
}

function fieldLabelKey(preview: ImportPreview, field: string) {
  return `excel.import.field.${preview.kind}.${field}` as 'excel.import.field.organizations.name';
}

export function ValuesStep({ previewJobId, running, onNothingToMap, onAccept, onChange }: ValuesStepProps) {
  const { t } = useTranslation();
  const preview = usePreview({ jobId: previewJobId, pageSize: 1 });
  const [edits, setEdits] = useState<ValueChoices>({});
  const choices = preview.data?.valueChoices;
  useEffect(() => {
    if (choices && choices.length === 0) onNothingToMap();
  }, [choices, onNothingToMap]);

  if (preview.error) return <LoadError error={preview.error} onRetry={() => void preview.refetch()} />;
  const data = preview.data;
  if (!data || !choices || choices.length === 0) return null;

  const current = (choice: ImportValueChoice) => edits[valueKey(choice)] ?? choice.value ?? BLANK;
  const changed = choices.some((choice) => current(choice) !== (choice.value ?? BLANK));
  const apply = () => {
    if (!changed) {
      onAccept();
      return;
    }
    onChange(choices.map((choice) => ({ field: choice.field, written: choice.written, value: current(choice) === BLANK ? null : current(choice) })));
  };

  return (
    <Stack>
      <Text size="sm">{t('excel.import.values.intro')}</Text>
      <Table withTableBorder striped maw={1000}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('excel.import.values.column')}</Table.Th>
            <Table.Th>{t('excel.import.values.written')}</Table.Th>
            <Table.Th>{t('excel.import.values.rows')}</Table.Th>
            <Table.Th w={320}>{t('excel.import.values.meaning')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {choices.map((choice) => {
            const options = data.choiceOptions[choice.field] ?? [];
            // Suggestions first, in their order; then the rest of the lookup.
            const ordered = [...choice.suggestions.flatMap((value) => options.filter((option) => option.value === value)), ...options.filter((option) => !choice.suggestions.includes(option.value))];
            const value = current(choice);
            const edited = edits[valueKey(choice)] !== undefined;
            return (
              <Table.Tr key={valueKey(choice)}>
                <Table.Td>{t(fieldLabelKey(data, choice.field))}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {choice.written}
                  </Text>
                </Table.Td>
                <Table.Td>{choice.rows}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Select
                      size="xs"
                      aria-label={`${t('excel.import.values.meaning')} ${choice.written}`}
                      allowDeselect={false}
                      data={[{ value: BLANK, label: t('excel.import.values.blank') }, ...ordered]}
                      value={value}
                      onChange={(chosen) => setEdits((all) => ({ ...all, [valueKey(choice)]: chosen ?? BLANK }))}
                    />
                    <Text size="xs" c="dimmed">
                      {edited ? t('excel.import.values.source.chosen') : t(`excel.import.values.source.${choice.source}`)}
                    </Text>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {running ? null : (
        <Group>
          <Button onClick={apply}>{t('excel.import.values.apply')}</Button>
        </Group>
      )}
    </Stack>
  );
}
