/**
 * Danh mục: the lookups of supply–demand connection that the office keeps — product groups with
 * the words that recognise products written freely, units with their exact conversions, and sales
 * channels. What is in use cannot be deleted, and a unit in use keeps its conversion.
 */
import { useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QUANTITY_ENTRY_DECIMALS } from '../../../../shared/agreements';
import { productGroupInput, salesChannelInput, unitInput, type ProductGroup, type SalesChannel, type SupplyLookupUse, type Unit } from '../../../../shared/contract';
import { formatCount, formatQuantity } from '../../../../shared/format';
import { messageOf } from '../../api';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { LoadError } from '../../components/LoadError';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useFormSave } from '../../forms/oneSave';
import { useSupplyLookupUse, useSupplyLookups, useSupplyWrite } from '../../queries/supply';
import { FormModal } from '../../forms/unsavedChanges';

type Editing<T> = { row: T | null } | null;

function Section({ title, hint, addLabel, onAdd, children }: { title: string; hint: string; addLabel: string; onAdd: () => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={3}>{title}</Title>
            <Text size="sm" c="dimmed" maw={760}>
              {hint}
            </Text>
          </Stack>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {addLabel}
          </Button>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Edit and delete buttons of a row; delete is offered only once counted, when nothing uses it. */
function RowActions({ name, used, onEdit, onDelete }: { name: string; used: number | undefined; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <ActionIcon variant="subtle" aria-label={t('supply.lookups.edit', { name })} onClick={onEdit}>
        <IconPencil size={16} />
      </ActionIcon>
      <Tooltip label={t('supply.lookups.inUse', { count: used })} disabled={!used}>
        <ActionIcon variant="subtle" color="red" disabled={used !== 0} aria-label={t('supply.lookups.delete', { name })} onClick={onDelete}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function LookupsTab() {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const use = useSupplyLookupUse();
  const [group, setGroup] = useState<Editing<ProductGroup>>(null);
  const [unit, setUnit] = useState<Editing<Unit>>(null);
  const [channel, setChannel] = useState<Editing<SalesChannel>>(null);
  const deleteGroup = useSupplyWrite('supply:deleteProductGroup');
  const deleteUnit = useSupplyWrite('supply:deleteUnit');
  const deleteChannel = useSupplyWrite('supply:deleteChannel');
  const failed = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });
  if (lookups.isError) return <LoadError error={lookups.error} onRetry={() => void lookups.refetch()} />;
  if (use.isError) return <LoadError error={use.error} onRetry={() => void use.refetch()} />;
  const data = lookups.data;
  /** How many records use a row; undefined until counted. */
  const usedOf = (kind: keyof SupplyLookupUse, code: string) => (use.data ? (use.data[kind][code] ?? 0) : undefined);
  const countCell = (used: number | undefined) => (used === undefined ? '' : formatCount(used));
  const unitName = (code: string | null) => data?.units.find((candidate) => candidate.code === code)?.name ?? '';

  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2}>{t('supply.lookups.title')}</Title>
        <Text c="dimmed" maw={820}>
          {t('supply.lookups.intro')}
        </Text>
      </Stack>
      <Section title={t('supply.lookups.groups')} hint={t('supply.lookups.groupsHint')} addLabel={t('supply.lookups.addGroup')} onAdd={() => setGroup({ row: null })}>
        <Table striped aria-label={t('supply.lookups.groups')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.lookups.name')}</Table.Th>
              <Table.Th>{t('supply.lookups.keywords')}</Table.Th>
              <Table.Th ta="right">{t('supply.lookups.used')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.productGroups ?? []).map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {row.keywords}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{countCell(usedOf('productGroups', row.code))}</Table.Td>
                <Table.Td>
                  <RowActions name={row.name} used={usedOf('productGroups', row.code)} onEdit={() => setGroup({ row })} onDelete={() => void deleteGroup.mutateAsync({ code: row.code }).catch(failed)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('supply.lookups.units')} hint={t('supply.lookups.unitsHint')} addLabel={t('supply.lookups.addUnit')} onAdd={() => setUnit({ row: null })}>
        <Table striped aria-label={t('supply.lookups.units')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.lookups.name')}</Table.Th>
              <Table.Th>{t('supply.lookups.aliases')}</Table.Th>
              <Table.Th>{t('supply.lookups.conversion')}</Table.Th>
              <Table.Th ta="right">{t('supply.lookups.used')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.units ?? []).map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.aliases}</Table.Td>
                <Table.Td>{row.baseCode === null ? t('supply.lookups.base') : `1 ${unitName(row.baseCode)} = ${formatQuantity(row.perBase, row.name)}`}</Table.Td>
                <Table.Td ta="right">{countCell(usedOf('units', row.code))}</Table.Td>
                <Table.Td>
                  <RowActions name={row.name} used={usedOf('units', row.code)} onEdit={() => setUnit({ row })} onDelete={() => void deleteUnit.mutateAsync({ code: row.code }).catch(failed)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t('supply.lookups.channels')} hint={t('supply.lookups.channelsHint')} addLabel={t('supply.lookups.addChannel')} onAdd={() => setChannel({ row: null })}>
        <Table striped aria-label={t('supply.lookups.channels')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.lookups.name')}</Table.Th>
              <Table.Th ta="right">{t('supply.lookups.used')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.channels ?? []).map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">{countCell(usedOf('channels', row.code))}</Table.Td>
                <Table.Td>
                  <RowActions name={row.name} used={usedOf('channels', row.code)} onEdit={() => setChannel({ row })} onDelete={() => void deleteChannel.mutateAsync({ code: row.code }).catch(failed)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {group && <GroupDialog row={group.row} onClose={() => setGroup(null)} />}
      {unit && <UnitDialog row={unit.row} used={unit.row ? (usedOf('units', unit.row.code) ?? 0) : 0} units={data?.units ?? []} onClose={() => setUnit(null)} />}
      {channel && <ChannelDialog row={channel.row} onClose={() => setChannel(null)} />}
    </Stack>
  );
}

/** Saves a lookup's dialog through `save`, says so and closes it. */
function useLookupSave<Values extends object>(form: UseFormReturnType<Values>, save: (values: Values) => Promise<unknown>, onClose: () => void) {
  const { t } = useTranslation();
  return useFormSave({
    form,
    save,
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('supply.saved') });
      onClose();
    },
  });
}

function GroupDialog({ row, onClose }: { row: ProductGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSupplyWrite('supply:saveProductGroup');
  const form = useForm({ mode: 'controlled', initialValues: { name: row?.name ?? '', keywords: row?.keywords ?? '' }, validate: schemaResolver(productGroupInput, { sync: true }) });
  const { submit, saving, formError } = useLookupSave(form, (values: { name: string; keywords: string }) => save.mutateAsync({ ...values, ...(row ? { code: row.code } : {}) }), onClose);
  return (
    <FormModal opened onClose={onClose} title={row ? t('supply.lookups.editGroup') : t('supply.lookups.addGroup')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('supply.lookups.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('supply.lookups.keywords')} description={t('supply.lookups.keywordsHint')} autosize minRows={2} {...form.getInputProps('keywords')} />
          <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.lookups.save')} saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </FormModal>
  );
}

interface UnitValues {
  name: string;
  aliases: string;
  baseCode: string | null;
  perBase: NumberFieldValue;
}

/** `used`: the records in the unit, whose quantities keep its conversion. */
function UnitDialog({ row, used, units, onClose }: { row: Unit | null; used: number; units: Unit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSupplyWrite('supply:saveUnit');
  const form = useForm<UnitValues>({
    mode: 'controlled',
    initialValues: { name: row?.name ?? '', aliases: row?.aliases ?? '', baseCode: row?.baseCode ?? null, perBase: row?.perBase ?? 1 },
    validate: schemaResolver(unitInput, { sync: true }),
  });
  const { submit, saving, formError } = useLookupSave(
    form,
    ({ perBase, ...values }: UnitValues) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (typeof perBase !== 'number') throw new Error('The schema requires a conversion read as a number.');
      return save.mutateAsync({ ...values, perBase, ...(row ? { code: row.code } : {}) });
    },
    onClose,
  );
  const base = units.find((unit) => unit.code === form.values.baseCode);
  return (
    <FormModal opened onClose={onClose} title={row ? t('supply.lookups.editUnit') : t('supply.lookups.addUnit')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {used > 0 && (
            <Alert color="yellow" variant="light">
              {t('supply.lookups.unitInUse', { count: used })}
            </Alert>
          )}
          <TextInput label={t('supply.lookups.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('supply.lookups.aliases')} description={t('supply.lookups.aliasesHint')} {...form.getInputProps('aliases')} />
          <LabelledSelect
            label={t('supply.lookups.baseUnit')}
            description={t('supply.lookups.baseUnitHint')}
            placeholder={t('supply.lookups.noBase')}
            clearable
            data={units.filter((unit) => unit.baseCode === null && unit.code !== row?.code).map((unit) => ({ value: unit.code, label: unit.name }))}
            value={form.values.baseCode}
            onChange={(baseCode) => form.setValues({ baseCode, perBase: baseCode === null ? 1 : form.values.perBase })}
            error={form.errors.baseCode}
          />
          {base && (
            <NumberField
              label={t('supply.lookups.perBase', { base: base.name, unit: form.values.name || '…' })}
              required
              positive
              decimals={QUANTITY_ENTRY_DECIMALS}
              {...form.getInputProps('perBase')}
            />
          )}
          <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.lookups.save')} saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </FormModal>
  );
}

function ChannelDialog({ row, onClose }: { row: SalesChannel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSupplyWrite('supply:saveChannel');
  const form = useForm({ mode: 'controlled', initialValues: { name: row?.name ?? '' }, validate: schemaResolver(salesChannelInput, { sync: true }) });
  const { submit, saving, formError } = useLookupSave(form, (values: { name: string }) => save.mutateAsync({ ...values, ...(row ? { code: row.code } : {}) }), onClose);
  return (
    <FormModal opened onClose={onClose} title={row ? t('supply.lookups.editChannel') : t('supply.lookups.addChannel')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('supply.lookups.name')} required {...form.getInputProps('name')} />
          <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.lookups.save')} saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </FormModal>
  );
}
