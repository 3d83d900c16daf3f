/**
 * Ghi nhận sự kiện: records one lifecycle event of this organization. The fields follow the kind —
 * a renaming asks for the new name, a reorganization for the other organizations and the new ones
 * it creates — and the backend's messages go under the field they concern.
 */
import { ActionIcon, Button, Divider, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConversionCarriedField, ConversionCarryOver, InputOf, OrganizationDetail } from '../../../../../shared/contract';
import { lifecycleEventKinds, organizationKinds, type LifecycleEventKind, type OrganizationKind } from '../../../../../shared/domain';
import { ApiError, call } from '../../../api';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { SectorSelect } from '../../../components/SectorSelect';
import { useAlliance, useCommunes } from '../../../queries';
import { useRecordLifecycle } from '../../../queries/register';
import { DateField } from '../../../components/DateField';
import { isIsoDate } from '../../../../../shared/typed';
import { formatDate } from '../../../../../shared/format';
import { useFormSave } from '../../../forms/oneSave';
import { hasOneSuccessor, initialNewSuccessors } from './kinds';
import { OrganizationMultiPicker, OrganizationPicker } from './OrganizationPicker';
import { FormFooter } from '../../../components/FormFooter';

interface NewSuccessor {
  name: string;
  kind: OrganizationKind | null;
  communeCode: string | null;
  sectorCode: string | null;
}

interface FormValues {
  kind: LifecycleEventKind | null;
  date: string | null;
  decisionNo: string;
  note: string;
  newName: string;
  /** Sáp nhập: this organization absorbs others, or is absorbed into another. */
  mergerDirection: 'absorbs' | 'absorbed';
  /** The other organizations that end: merged together with this one, or absorbed into it. */
  otherIds: string[];
  /** Sáp nhập, absorbed: the organization this one is absorbed into. */
  absorberId: string | null;
  /** Hợp nhất, chuyển đổi: the organization formed is a new one, or one already in the register. */
  successorMode: 'new' | 'existing';
  successorIds: string[];
  newSuccessors: NewSuccessor[];
}

type RecordInput = InputOf<'lifecycle:record'>;

/** The event as the contract wants it, with this organization in the role its kind gives it. */
export function toRecordInput(values: FormValues, organizationId: number): RecordInput {
  const kind = values.kind ?? 'founding';
  const ids = (list: string[]) => list.map(Number);
  const base = { kind, date: values.date ?? '', decisionNo: values.decisionNo, note: values.note };
  const created = values.newSuccessors.map((successor) => ({
    name: successor.name,
    kind: successor.kind ?? 'htx',
    communeCode: successor.communeCode ?? '',
    sectorCode: successor.sectorCode,
  }));
  const oneSuccessor = values.successorMode === 'new' ? { newSuccessors: created.slice(0, 1) } : { successorIds: ids(values.successorIds).slice(0, 1) };
  switch (kind) {
    case 'renaming':
      return { ...base, subjectId: organizationId, newName: values.newName };
    case 'split':
      return { ...base, predecessorIds: [organizationId], successorIds: ids(values.successorIds), newSuccessors: created };
    case 'separation':
      return { ...base, subjectId: organizationId, successorIds: ids(values.successorIds), newSuccessors: created };
    case 'consolidation':
      return { ...base, predecessorIds: [organizationId, ...ids(values.otherIds)], ...oneSuccessor };
    case 'conversion':
      return { ...base, predecessorIds: [organizationId], ...oneSuccessor };
    case 'merger':
      return values.mergerDirection === 'absorbs'
        ? { ...base, subjectId: organizationId, predecessorIds: ids(values.otherIds) }
        : { ...base, subjectId: values.absorberId ? Number(values.absorberId) : null, predecessorIds: [organizationId] };
    default:
      return { ...base, subjectId: organizationId };
  }
}

/**
 * Where a path of the contract's input shows in this form, for the kind being recorded. This
 * organization's own role has no field: what is said of it (founded after the event's day, ended
 * before it) concerns the day, and shows under it.
 */
function formPathOf(path: string, values: FormValues): string | null {
  if (/^newSuccessors\.\d+\.(name|kind|communeCode|sectorCode)$/.test(path)) return path;
  if (path === 'date' || path === 'decisionNo' || path === 'note' || path === 'newName' || path === 'kind') return path;
  const absorbed = values.kind === 'merger' && values.mergerDirection === 'absorbed';
  if (path === 'predecessorIds') return values.kind === 'consolidation' || (values.kind === 'merger' && !absorbed) ? 'otherIds' : 'date';
  if (path === 'subjectId') return absorbed ? 'absorberId' : 'date';
  if (path === 'successorIds') return hasOneSuccessor(values.kind) && values.successorMode === 'existing' ? 'successorIds' : 'newSuccessors';
  return null;
}

/**
 * What the organization after a conversion took over from the one converted, and what it kept of
 * its own, in a sentence or two: «HTX B nhận từ THT A: người đại diện, 2 người liên hệ. Giữ nguyên
 * điện thoại HTX B đã có.»
 */
function carriedMessage(t: TFunction, carried: ConversionCarryOver): string {
  const fields = (list: ConversionCarriedField[]) => list.map((field) => t(`figures.lifecycle.carried.field.${field}`));
  const took = [
    ...fields(carried.fields),
    ...(['contacts', 'products', 'certifications'] as const).filter((key) => carried[key] > 0).map((key) => t(`figures.lifecycle.carried.${key}`, { count: carried[key] })),
  ];
  const names = { name: carried.name, from: carried.from };
  const first = took.length ? t('figures.lifecycle.carried.took', { ...names, list: took.join(', ') }) : t('figures.lifecycle.carried.nothing', names);
  return carried.kept.length ? `${first} ${t('figures.lifecycle.carried.kept', { ...names, list: fields(carried.kept).join(', ') })}` : first;
}

export function LifecycleForm({ organization, onDone }: { organization: OrganizationDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const confirmed = (
    message: string,
    title = t('figures.lifecycle.form.similarTitle'),
    labels = { confirm: t('figures.lifecycle.form.similarConfirm'), cancel: t('common.cancel') },
    notes: string[] = [],
  ) =>
    new Promise<boolean>((answer) =>
      modals.openConfirmModal({
        title,
        children: (
          <Stack gap="xs">
            {[message, ...notes].map((paragraph) => (
              <Text key={paragraph} size="sm">
                {paragraph}
              </Text>
            ))}
          </Stack>
        ),
        labels,
        onConfirm: () => answer(true),
        // Closed any way but by confirming (Hủy, Esc, outside): not recorded. A later answer is ignored.
        onClose: () => answer(false),
      }),
    );
  /** The names of the organizations picked in a merger, by id, for the sentence that confirms it. */
  const [pickedNames, setPickedNames] = useState<Record<string, string>>({});
  const rememberNames = (ids: string[], names: string[]) =>
    setPickedNames((known) => ({ ...known, ...Object.fromEntries(ids.flatMap((id, index) => (names[index] === undefined ? [] : [[id, names[index]]]))) }));
  const record = useRecordLifecycle();
  /**
   * For each organization ending on `date`, the events from that day on it is a participant of —
   * those the event's page will mark «Đã giải thể từ …» and the printed list leave off (the rule of
   * `endedRefusal`): said in the confirmation, one sentence each, so that the person knows, and may
   * take it off them. Not a refusal: a unit invited before its end was decided stays as recorded.
   */
  const laterEvents = async (ending: { id: number; name: string }[], date: string): Promise<string[]> => {
    const notes = await Promise.all(
      ending.map(async ({ id, name }) => {
        // Asked afresh: the confirmation is about the events as they stand now.
        const all = await call('events:ofCounterpart', { kind: 'organization', id });
        const later = all.filter((event) => event.startsOn >= date).reverse();
        const events = later.map((event) => t('figures.lifecycle.form.laterEvent', { title: event.title, date: formatDate(event.startsOn) })).join('; ');
        return later.length ? [t('figures.lifecycle.form.laterEvents', { count: later.length, name, date: formatDate(date), events })] : [];
      }),
    );
    return notes.flat();
  };
  const alliance = useAlliance();
  const provinceCode = alliance.data?.provinceCode ?? organization.provinceCode;
  const communes = useCommunes(provinceCode);
  // A new organization is of this one's kind, place and sector unless the person says otherwise; the
  // one a conversion forms also bears its name, and a THT converts into an HTX.
  const blankSuccessor = (kind: LifecycleEventKind | null): NewSuccessor => ({
    name: kind === 'conversion' ? organization.name : '',
    kind: kind === 'conversion' && organization.kind === 'tht' ? 'htx' : organization.kind,
    communeCode: organization.communeCode,
    sectorCode: organization.sectorCode,
  });
  const form = useForm<FormValues>({
    initialValues: {
      kind: null,
      date: null,
      decisionNo: '',
      note: '',
      newName: '',
      mergerDirection: 'absorbs',
      otherIds: [],
      absorberId: null,
      successorMode: 'new',
      successorIds: [],
      newSuccessors: [],
    },
    validate: {
      kind: (value) => (value ? null : t('figures.lifecycle.form.kindRequired')),
      // A date the box could not read reaches the form as its text; the field says why.
      date: (value) => (value === null ? t('figures.lifecycle.form.dateRequired') : isIsoDate(value) ? null : t('fields.unreadable')),
    },
  });
  const { kind } = form.values;
  const showNewSuccessors = kind === 'split' || kind === 'separation' || (hasOneSuccessor(kind) && form.values.successorMode === 'new');

  const chooseKind = (value: string | null) => {
    const next = lifecycleEventKinds.find((candidate) => candidate === value) ?? null;
    form.setValues({
      kind: next,
      otherIds: [],
      absorberId: null,
      successorIds: [],
      successorMode: 'new',
      newSuccessors: Array.from({ length: initialNewSuccessors(next) }, () => blankSuccessor(next)),
    });
    form.clearErrors();
  };

  /**
   * An event that ends organizations is recorded only once the person has read, in plain words,
   * which end, from what day, and what they become — a merger read the wrong way round ends the
   * wrong one. Nothing to say until every side is picked or named (the backend then says what is
   * missing).
   */
  const confirmEnding = async (values: FormValues): Promise<boolean> => {
    const { kind: chosen, date } = values;
    if (chosen === null || date === null) return true;
    const list = (names: (string | undefined)[]) =>
      names.every((name): name is string => name !== undefined && name.trim() !== '') && names.length > 0
        ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names.map((name) => name.trim()))
        : null;
    const picked = (ids: string[]) => ids.map((id) => pickedNames[id]);
    const formed = list([...values.newSuccessors.map((successor) => successor.name), ...picked(values.successorIds)]);
    /** The organizations the event ends: this one, and the others picked that end with it. */
    const endingOf = (ids: string[]) => ids.map((id) => ({ id: Number(id), name: pickedNames[id] ?? '' }));
    const own = { id: organization.id, name: organization.name };
    const ask = async (message: string, title: string, ending: { id: number; name: string }[]) =>
      confirmed(message, title, { confirm: t('figures.lifecycle.form.submit'), cancel: t('figures.lifecycle.form.mergerBack') }, await laterEvents(ending, date));
    const kindTitle = t('figures.lifecycle.form.endingTitle', { kind: t(`figures.lifecycle.kind.${chosen}`) });
    const day = formatDate(date);
    switch (chosen) {
      case 'merger': {
        const absorbed = values.mergerDirection === 'absorbed';
        const ending = list(absorbed ? [organization.name] : picked(values.otherIds));
        const into = absorbed ? pickedNames[values.absorberId ?? ''] : organization.name;
        return ending === null || into === undefined
          ? true
          : ask(t('figures.lifecycle.form.mergerSentence', { ending, into }), t('figures.lifecycle.form.mergerTitle'), absorbed ? [own] : endingOf(values.otherIds));
      }
      case 'dissolution':
      case 'bankruptcy':
        return ask(t(`figures.lifecycle.form.ending.${chosen}`, { name: organization.name, date: day }), kindTitle, [own]);
      case 'split':
      case 'conversion':
      case 'consolidation': {
        const others = chosen === 'consolidation' ? values.otherIds : [];
        const ending = list([organization.name, ...picked(others)]);
        return ending === null || formed === null
          ? true
          : ask(t(`figures.lifecycle.form.ending.${chosen}`, { name: ending, date: day, into: formed }), kindTitle, [own, ...endingOf(others)]);
      }
      default:
        return true;
    }
  };

  const { submit, saving, formError } = useFormSave({
    form,
    confirm: confirmEnding,
    save: async (values) => {
      const input = toRecordInput(values, organization.id);
      // A new organization's name close to others': recorded once the person confirms, as a new
      // organization is, naming those they were shown; each new organization's are asked in turn.
      let seen: number[] = [];
      for (;;) {
        const confirmedSeen = seen;
        try {
          return await record.mutateAsync(
            confirmedSeen.length === 0 ? input : { ...input, newSuccessors: input.newSuccessors?.map((successor) => ({ ...successor, confirmedSimilarIds: confirmedSeen })) },
          );
        } catch (error) {
          if (!(error instanceof ApiError && error.error.kind === 'conflict' && error.error.similar && (await confirmed(error.error.message)))) throw error;
          seen = [...seen, ...error.error.similar.map((found) => found.id)];
        }
      }
    },
    onSaved: (recorded) => {
      const saved = t('figures.lifecycle.form.saved', { kind: t(`figures.lifecycle.kind.${recorded.kind}`) });
      const carried = recorded.carriedOver ? carriedMessage(t, recorded.carriedOver) : null;
      // What a conversion filled in is worth reading in full: it stays until closed.
      notifications.show({ color: 'teal', message: carried ? `${saved} ${carried}` : saved, autoClose: carried ? false : undefined });
      onDone();
    },
    fieldPaths: (values) => (path) => formPathOf(path, values),
  });

  const kindOptions = organizationKinds.map((value) => ({ value, label: t(`organization.kind.${value}`) }));
  const successorLabel = kind === 'conversion' ? t('figures.lifecycle.form.conversionSuccessor') : t('figures.lifecycle.form.successorOne');
  const communeOptions = (communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }));
  // A kind that forms one organization names its fields without a number («Tên tổ chức mới»).
  const newOrgLabel = (field: 'newOrgName' | 'newOrgKind' | 'newOrgCommune' | 'newOrgSector', index: number) =>
    hasOneSuccessor(kind) ? t(`figures.lifecycle.form.one.${field}`) : t(`figures.lifecycle.form.${field}`, { n: index + 1 });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LabelledSelect
          label={t('figures.lifecycle.form.kind')}
          required
          placeholder={t('figures.lifecycle.form.kindPlaceholder')}
          data={lifecycleEventKinds.map((value) => ({ value, label: t(`figures.lifecycle.kind.${value}`) }))}
          value={kind}
          onChange={chooseKind}
          error={form.errors.kind}
        />
        {kind && (
          <Text size="sm" c="dimmed">
            {t(`figures.lifecycle.explain.${kind}`, { name: organization.name })}
          </Text>
        )}
        {/* Above the day: the day's message, shown as it is left, moves nothing below the pointer. */}
        {kind === 'merger' && (
          <Input.Wrapper label={t('figures.lifecycle.form.mergerDirection')}>
            <SegmentedControl
              display="flex"
              data={[
                { value: 'absorbs', label: t('figures.lifecycle.form.absorbs') },
                { value: 'absorbed', label: t('figures.lifecycle.form.absorbed') },
              ]}
              {...form.getInputProps('mergerDirection')}
            />
          </Input.Wrapper>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('figures.lifecycle.form.date')} required {...form.getInputProps('date')} />
          <TextInput label={t('figures.lifecycle.form.decisionNo')} placeholder={t('figures.lifecycle.form.decisionPlaceholder')} {...form.getInputProps('decisionNo')} />
        </SimpleGrid>

        {kind === 'renaming' && (
          <TextInput
            label={t('figures.lifecycle.form.newName')}
            required
            description={t('figures.lifecycle.form.currentName', { name: organization.name })}
            {...form.getInputProps('newName')}
          />
        )}

        {(kind === 'consolidation' || (kind === 'merger' && form.values.mergerDirection === 'absorbs')) && (
          <OrganizationMultiPicker
            label={kind === 'consolidation' ? t('figures.lifecycle.form.consolidatedWith') : t('figures.lifecycle.form.absorbedOnes')}
            required
            excludeId={organization.id}
            value={form.values.otherIds}
            onChange={(value, names) => {
              rememberNames(value, names);
              form.setFieldValue('otherIds', value);
            }}
            error={form.errors.otherIds}
          />
        )}

        {kind === 'merger' && form.values.mergerDirection === 'absorbed' && (
          <OrganizationPicker
            label={t('figures.lifecycle.form.absorber')}
            required
            excludeId={organization.id}
            value={form.values.absorberId}
            onChange={(value, name) => {
              if (value && name) rememberNames([value], [name]);
              form.setFieldValue('absorberId', value);
            }}
            error={form.errors.absorberId}
          />
        )}

        {hasOneSuccessor(kind) && (
          <Input.Wrapper label={successorLabel}>
            <SegmentedControl
              display="flex"
              data={[
                { value: 'new', label: t('figures.lifecycle.form.successorNew') },
                { value: 'existing', label: t('figures.lifecycle.form.successorExisting') },
              ]}
              value={form.values.successorMode}
              onChange={(value) => {
                form.setFieldValue('successorMode', value === 'existing' ? 'existing' : 'new');
                form.setFieldValue('newSuccessors', value === 'existing' ? [] : [blankSuccessor(kind)]);
                form.setFieldValue('successorIds', []);
              }}
            />
          </Input.Wrapper>
        )}

        {hasOneSuccessor(kind) && form.values.successorMode === 'existing' && (
          <OrganizationPicker
            label={successorLabel}
            required
            excludeId={organization.id}
            description={kind === 'conversion' ? t('figures.lifecycle.form.conversionExistingHint') : undefined}
            value={form.values.successorIds[0] ?? null}
            onChange={(value, name) => {
              if (value && name) rememberNames([value], [name]);
              form.setFieldValue('successorIds', value ? [value] : []);
            }}
            error={form.errors.successorIds}
          />
        )}

        {showNewSuccessors && (
          <Stack gap="xs">
            <Divider label={t('figures.lifecycle.form.newOrganizations')} labelPosition="left" />
            {form.values.newSuccessors.map((successor, index) => (
              <Paper key={index} withBorder p="sm">
                <Group align="flex-start" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} flex={1}>
                    <TextInput
                      label={newOrgLabel('newOrgName', index)}
                      required
                      {...form.getInputProps(`newSuccessors.${index}.name`)}
                    />
                    <LabelledSelect
                      label={newOrgLabel('newOrgKind', index)}
                      required
                      allowDeselect={false}
                      data={kindOptions}
                      {...form.getInputProps(`newSuccessors.${index}.kind`)}
                    />
                    <LabelledSelect
                      label={newOrgLabel('newOrgCommune', index)}
                      placeholder={t('organization.form.communePlaceholder')}
                      nothingFoundMessage={t('organization.form.noCommune')}
                      required
                      allowDeselect={false}
                      searchable
                      data={communeOptions}
                      {...form.getInputProps(`newSuccessors.${index}.communeCode`)}
                    />
                    <SectorSelect
                      label={newOrgLabel('newOrgSector', index)}
                      // Taken from this organization, and said so, until the person picks another.
                      description={
                        successor.sectorCode !== null && successor.sectorCode === organization.sectorCode
                          ? t('figures.lifecycle.form.newOrgSectorHint', { name: organization.name })
                          : undefined
                      }
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      {...form.getInputProps(`newSuccessors.${index}.sectorCode`)}
                    />
                  </SimpleGrid>
                  {!hasOneSuccessor(kind) && form.values.newSuccessors.length > 1 && (
                    <ActionIcon
                      mt={28}
                      variant="subtle"
                      color="red"
                      aria-label={t('figures.lifecycle.form.removeNew', { n: index + 1 })}
                      onClick={() => form.removeListItem('newSuccessors', index)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </Paper>
            ))}
            {form.errors.newSuccessors && (
              <Text size="sm" c="red">
                {form.errors.newSuccessors}
              </Text>
            )}
            {!hasOneSuccessor(kind) && (
              <Button variant="subtle" leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => form.insertListItem('newSuccessors', blankSuccessor(kind))}>
                {t('figures.lifecycle.form.addNew')}
              </Button>
            )}
          </Stack>
        )}

        {(kind === 'split' || kind === 'separation') && (
          <OrganizationMultiPicker
            label={t('figures.lifecycle.form.existingSuccessors')}
            description={t('figures.lifecycle.form.existingSuccessorsHint')}
            excludeId={organization.id}
            value={form.values.successorIds}
            onChange={(value, names) => {
              rememberNames(value, names);
              form.setFieldValue('successorIds', value);
            }}
          />
        )}

        <Textarea label={t('figures.lifecycle.form.note')} rows={2} {...form.getInputProps('note')} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('figures.lifecycle.form.submit')} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
