/** Step 2: the sheet read, where its header was found, what was said of text in old fonts or under an Excel name, the first rows. */
import { Alert, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis } from '../../../../../shared/contract';
import { LabelledSelect } from '../../../components/LabelledSelect';

interface SheetStepProps {
  analysis: ImportAnalysis;
  /** Another sheet was chosen: the file is read again for it. */
  onSheetChange: (sheet: string) => void;
}

export function SheetStep({ analysis, onSheetChange }: SheetStepProps) {
  const { t } = useTranslation();
  // A list kept one sheet per district is imported sheet by sheet: said, so none is left out unseen.
  // A sheet already looked in and found without the list's header (instructions, a cover) holds nothing to import.
  const otherSheets = analysis.sheets.filter((sheet) => !sheet.hidden && !sheet.empty && !sheet.headerless && sheet.name !== analysis.sheet);
  return (
    <Stack>
      <LabelledSelect
        label={t('excel.import.sheet')}
        maw={420}
        allowDeselect={false}
        data={analysis.sheets.map((sheet) => ({ value: sheet.name, label: sheet.hidden ? t('excel.import.hiddenSheet', { name: sheet.name }) : sheet.name }))}
        value={analysis.sheet}
        onChange={(value) => {
          if (value && value !== analysis.sheet) onSheetChange(value);
        }}
      />
      {otherSheets.length ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.otherSheets.title')}>
          {t('excel.import.otherSheets.body', {
            sheet: analysis.sheet,
            count: otherSheets.length,
            names: otherSheets.map((sheet) => `«${sheet.name}»`).join(', '),
          })}
        </Alert>
      ) : null}
      <Text size="sm">
        {t(analysis.headerRows.length > 1 ? 'excel.import.headerRowsMerged' : 'excel.import.headerRow', { rows: analysis.headerRows.join(', '), start: analysis.dataStartRow })}
      </Text>
      {analysis.legacyFont ? (
        <Alert color="orange" icon={<IconAlertTriangle />} title={t('excel.import.legacyFont.title', { font: analysis.legacyFont === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI' })}>
          {t('excel.import.legacyFont.body')}
        </Alert>
      ) : null}
      {analysis.namedAsWorkbook ? (
        <Alert
          color="blue"
          icon={<IconInfoCircle />}
          title={t('excel.import.namedAsWorkbook.title', { fileName: analysis.fileName, extension: analysis.fileName.slice(analysis.fileName.lastIndexOf('.')) })}
        >
          {t(
            analysis.format === 'csv'
              ? 'excel.import.namedAsWorkbook.csv'
              : // A web page has one table; several sheets are a workbook saved as a web archive.
                analysis.sheets.length > 1
                ? 'excel.import.namedAsWorkbook.webArchive'
                : 'excel.import.namedAsWorkbook.html',
          )}
        </Alert>
      ) : null}
      {analysis.codePageRead ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.codePageRead.title', { codePage: analysis.codePageRead })}>
          {t('excel.import.codePageRead.body', { codePage: analysis.codePageRead })}
        </Alert>
      ) : null}
      {analysis.legacyFontsRead.length ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.legacyFontsRead.title')}>
          {t('excel.import.legacyFontsRead.body', { fonts: analysis.legacyFontsRead.join(', ') })}
        </Alert>
      ) : null}
      <Text fw={600} size="sm">
        {t('excel.import.sample')}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders striped fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('excel.import.rowNumber')}</Table.Th>
              {analysis.columns.map((column) => (
                <Table.Th key={column.index}>
                  {column.letter}: {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.sampleRows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                {row.cells.map((cell, index) => (
                  <Table.Td key={index}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
