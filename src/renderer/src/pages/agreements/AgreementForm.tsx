/**
 * Adds an agreement, or edits one: its general facts, its parties (member organizations and
 * partners picked by name, or the alliance itself, each with a role) and its commitments (product,
 * quantity with its unit, value, period), all in one form and saved at once. The contract's schema
 * gives instant feedback; the backend still decides, and its issues go under the field and row they
 * name (`parties.1.role`, `commitments.0.quantity`).
 */
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm, type FormErrors } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconBuildingBank, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  agreementInput,
  type AgreementDetail,
  type AgreementDraft,
  type AgreementInput,
  type AgreementSummary,
} from '../../../../shared/contract';
import {
  agreementKinds,
  agreementPartyRoles,
  type AgreementKind,
  type AgreementPartyKind,
  type AgreementPartyRole,
} from '../../../../shared/domain';
import { overDelivery, QUANTITY_ENTRY_DECIMALS, reopensFollowUp } from '../../../../shared/agreements';
import { formatDate, formatQuantity } from '../../../../shared/format';
import { cleanText } from '../../../../shared/text';
import { CounterpartPicker } from '../../components/CounterpartPicker';
import { DateField } from '../../components/DateField';
import { PossibleDuplicates, SaveConflictNotice } from '../../components/DuplicateNotices';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { typingPauseMs, useSaveWithDuplicateCheck } from '../../forms/duplicateCheck';
import { useAlliance } from '../../queries';
import { useAgreementNumberCheck, useCreateAgreement, useUpdateAgreement } from '../../queries/agreements';
import { useEvent, useEventList } from '../../queries/events';
import { agreementHref } from '../../routing/useHashRoute';

interface PartyValues {
  /** Names the row for the commitments that say it supplies or receives them. */
  key: string;
  /** The stored party, kept when edited so that commitments naming it keep it; absent for a new one. */
  partyId?: number;
  kind: AgreementPartyKind;
  /** Null until an organization or partner is picked, and for the alliance. */
  id: number | null;
  /** Shown in the picker; the backend reads only kind and id. */
  name: string;
  role: AgreementPartyRole | null;
}

interface CommitmentValues {
  /** The stored commitment, so that its deliveries stay with it; absent for a new one. */
  id?: number;
  product: string;
  quantity: NumberFieldValue;
  unit: string;
  value: NumberFieldValue;
  startsOn: string | null;
  dueOn: string | null;
  /** The `key` of the party that supplies it, and of the one that receives it. */
  supplierKey: string | null;
  receiverKey: string | null;
}

interface AgreementValues {
  kind: AgreementKind | null;
  number: string;
  title: string;
  draft: boolean;
  signedOn: string | null;
  eventId: number | null;
  validFrom: string | null;
  validUntil: string | null;
  note: string;
  parties: PartyValues[];
  commitments: CommitmentValues[];
}

let keysGiven = 0;
/** A key for a party row not stored yet. */
function newPartyKey(): string {
  keysGiven += 1;
  return `new-${keysGiven}`;
}

const storedPartyKey = (partyId: number) => `party-${partyId}`;

/** A party row waiting for its organization or partner. */
function emptyParty(): PartyValues {
  return { key: newPartyKey(), kind: 'organization', id: null, name: '', role: null };
}

/**
 * A new commitment, supplied by the seller to the buyer when the parties have exactly one of each
 * (the usual sales contract); otherwise the sides are left to choose.
 */
function newCommitment(parties: PartyValues[]): CommitmentValues {
  const only = (role: AgreementPartyRole) => {
    const found = parties.filter((party) => party.role === role);
    return found.length === 1 ? (found[0]?.key ?? null) : null;
  };
  return { product: '', quantity: null, unit: '', value: null, startsOn: null, dueOn: null, supplierKey: only('seller'), receiverKey: only('buyer') };
}

function proposedValues({ input, partyNames }: AgreementDraft): AgreementValues {
  const parties: PartyValues[] = input.parties.map((party, index) => ({ key: newPartyKey(), kind: party.kind, id: party.id ?? null, name: partyNames[index] ?? '', role: party.role }));
  return {
    kind: input.kind,
    number: input.number ?? '',
    title: input.title,
    draft: input.draft ?? false,
    signedOn: input.signedOn ?? null,
    eventId: input.eventId ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    note: input.note ?? '',
    parties,
    commitments: input.commitments.map((commitment) => {
      // The sides the draft names (by the parties' order), else the seller to the buyer.
      const keyAt = (position: number | null | undefined) => (position === null || position === undefined ? undefined : (parties[position]?.key ?? null));
      const usual = newCommitment(parties);
      return {
        product: commitment.product,
        quantity: commitment.quantity,
        unit: commitment.unit,
        value: commitment.value ?? null,
        startsOn: commitment.startsOn ?? null,
        dueOn: commitment.dueOn ?? null,
        supplierKey: keyAt(commitment.supplierParty) ?? usual.supplierKey,
        receiverKey: keyAt(commitment.receiverParty) ?? usual.receiverKey,
      };
    }),
  };
}

function valuesOf(agreement: AgreementDetail | undefined, proposed: AgreementDraft | undefined): AgreementValues {
  if (!agreement && proposed) return proposedValues(proposed);
  if (!agreement) {
    return {
      kind: null,
      number: '',
      title: '',
      draft: false,
      signedOn: null,
      eventId: null,
      validFrom: null,
      validUntil: null,
      note: '',
      parties: [emptyParty(), emptyParty()],
      commitments: [newCommitment([])],
    };
  }
  return {
    kind: agreement.kind,
    number: agreement.number,
    title: agreement.title,
    draft: agreement.signedOn === null,
    signedOn: agreement.signedOn,
    eventId: agreement.eventId,
    validFrom: agreement.validFrom,
    validUntil: agreement.validUntil,
    note: agreement.note,
    parties: agreement.parties.map((party) => ({
      key: storedPartyKey(party.id),
      partyId: party.id,
      kind: party.kind,
      id: party.counterpartId,
      name: party.name,
      role: party.role,
    })),
    commitments: agreement.commitments.map(({ id, product, quantity, unit, value, startsOn, dueOn, supplierPartyId, receiverPartyId }) => ({
      id,
      product,
      quantity,
      unit,
      value,
      startsOn,
      dueOn,
      supplierKey: supplierPartyId === null ? null : storedPartyKey(supplierPartyId),
      receiverKey: receiverPartyId === null ? null : storedPartyKey(receiverPartyId),
    })),
  };
}

/** Every path the backend may name an issue by, so that each lands under its own input. */
function fieldPaths(values: AgreementValues): string[] {
  const commitmentFields = ['id', 'product', 'quantity', 'unit', 'value', 'startsOn', 'dueOn', 'supplierParty', 'receiverParty'];
  return [
    ...Object.keys(values),
    ...values.parties.flatMap((_, index) => ['partyId', 'kind', 'id', 'role'].map((field) => `parties.${index}.${field}`)),
    ...values.commitments.flatMap((_, index) => commitmentFields.map((field) => `commitments.${index}.${field}`)),
  ];
}

/** A field's message as text, for inputs that take only text (the counterpart picker). */
function messageAt(errors: FormErrors, path: string): string | undefined {
  const message = errors[path];
  return typeof message === 'string' ? message : undefined;
}

/**
 * What was delivered on a stored commitment whose quantity is now typed below it (and changed): the
 * form says so before saving, and the save says the person was told (`confirmBelowDelivered`).
 */
function deliveredAbove(initial: AgreementDetail | undefined, commitment: CommitmentValues): number | null {
  const stored = initial?.commitments.find((candidate) => candidate.id === commitment.id);
  const { quantity } = commitment;
  if (!stored || typeof quantity !== 'number' || quantity === stored.quantity || quantity >= stored.delivered) return null;
  return stored.delivered;
}

/** Units offices write most; any other can be typed. */
const commonUnits = ['tấn', 'kg', 'tạ', 'quả', 'lít', 'hộp', 'combo', 'con', 'bó', 'm³'];
const searchDelayMs = 200;

interface AgreementFormProps {
  /** The agreement being edited; absent to add a new one. */
  initial?: AgreementDetail;
  /** A new agreement's values proposed by another screen: a connection of supply and demand. */
  proposed?: AgreementDraft;
  /** Saves a new agreement another way than 'agreements:create'; its issues name the same fields. */
  save?: (input: AgreementInput) => Promise<AgreementSummary>;
  onSaved: (agreement: AgreementSummary) => void;
  onCancel: () => void;
}

export function AgreementForm({ initial, proposed, save, onSaved, onCancel }: AgreementFormProps) {
  const { t } = useTranslation();
  const allianceName = useAlliance().data?.name ?? '';
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const form = useForm<AgreementValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial, proposed),
    validate: schemaResolver(agreementInput, { sync: true }),
  });
  const { values } = form;

  const { submit, saveAnyway, conflict, formError, saving } = useSaveWithDuplicateCheck({
    form,
    // Null is unreachable once the schema has passed (a kind chosen, every role chosen, every
    // number read); it tells the type checker what the schema checked.
    inputOf: ({ kind, parties, commitments, ...rest }): AgreementInput | null => {
      const roles = parties.flatMap(({ partyId, kind: partyKind, id, role }) => (role === null ? [] : [{ partyId, kind: partyKind, id, role }]));
      // A commitment's sides are kept by the parties' keys on screen and sent as their positions.
      const keys = parties.map((party) => party.key);
      const position = (key: string | null) => (key === null || !keys.includes(key) ? null : keys.indexOf(key));
      const read = commitments.flatMap(({ quantity, value, supplierKey, receiverKey, ...commitment }) =>
        typeof quantity === 'number' && typeof value !== 'string'
          ? [{ ...commitment, quantity, value, supplierParty: position(supplierKey), receiverParty: position(receiverKey) }]
          : [],
      );
      if (kind === null || roles.length !== parties.length || read.length !== commitments.length) return null;
      // Each such commitment says so under its quantity (`deliveredAbove`), in view when saving.
      const confirmBelowDelivered = commitments.some((commitment) => deliveredAbove(initial, commitment) !== null);
      return { ...rest, kind, parties: roles, commitments: read, confirmBelowDelivered };
    },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : save ? save(input) : create.mutateAsync(input)),
    onSaved,
    // Two partners may each number their contracts "01/HĐ": the person decides.
    fieldPaths,
  });

  // Other agreements with the number typed so far (not this one), once typing pauses.
  const [typedNumber] = useDebouncedValue(cleanText(values.number), typingPauseMs);
  const numberUses = useAgreementNumberCheck(typedNumber === '' ? null : { number: typedNumber, excludeId: initial?.id });
  // Editing an agreement keeps its number without a word; only a number changed to another's is asked about.
  const sameNumber = typedNumber === '' || typedNumber === initial?.number ? [] : (numberUses.data ?? []);

  const hasAlliance = values.parties.some((party) => party.kind === 'alliance');
  const sideOptions = values.parties.map((party, index) => ({
    value: party.key,
    label: t('agreements.form.sideOption', {
      number: index + 1,
      name: party.name || t('agreements.form.sideNotPicked'),
    }),
  }));
  /** A party removed: the commitments it supplied or received name no one until chosen again. */
  const removeParty = (index: number) => {
    const key = values.parties[index]?.key;
    form.removeListItem('parties', index);
    values.commitments.forEach((commitment, at) => {
      if (commitment.supplierKey === key) form.setFieldValue(`commitments.${at}.supplierKey`, null);
      if (commitment.receiverKey === key) form.setFieldValue(`commitments.${at}.receiverKey`, null);
    });
  };
  const picked = values.parties.flatMap((party) =>
    party.kind === 'alliance' || party.id === null ? [] : [{ kind: party.kind, id: party.id }],
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('agreements.form.general')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LabelledSelect
                data-autofocus
                label={t('agreements.form.kind')}
                placeholder={t('agreements.form.kindPlaceholder')}
                required
                allowDeselect={false}
                data={agreementKinds.map((kind) => ({ value: kind, label: t(`agreements.kind.${kind}`) }))}
                {...form.getInputProps('kind')}
              />
              <TextInput label={t('agreements.form.number')} placeholder={t('agreements.form.numberPlaceholder')} {...form.getInputProps('number')} />
            </SimpleGrid>
            <PossibleDuplicates
              title={t('agreements.form.numberUsed')}
              candidates={sameNumber.map((use) => ({ ...use, name: use.title }))}
              describe={(use) =>
                t('agreements.form.numberUse', {
                  number: use.number,
                  signed: use.signedOn ? t('agreements.form.numberUseSigned', { date: formatDate(use.signedOn) }) : t('agreements.form.numberUseDraft'),
                })
              }
              hrefOf={agreementHref}
            />
            <TextInput label={t('agreements.form.title')} placeholder={t('agreements.form.titlePlaceholder')} required {...form.getInputProps('title')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stack gap={6}>
                <DateField
                  label={t('agreements.form.signedOn')}
                  required={!values.draft}
                  disabled={values.draft}
                  {...form.getInputProps('signedOn')}
                  value={values.draft ? null : values.signedOn}
                />
                <Checkbox label={t('agreements.form.draft')} {...form.getInputProps('draft', { type: 'checkbox' })} />
              </Stack>
              <EventSelect
                initialTitle={initial?.eventTitle ?? null}
                value={values.eventId}
                onChange={(eventId, startsOn) => {
                  form.setFieldValue('eventId', eventId);
                  // Signed at the event: its first day, when no day was typed yet.
                  if (startsOn !== null && !values.draft && values.signedOn === null) form.setFieldValue('signedOn', startsOn);
                }}
                error={form.errors.eventId}
              />
            </SimpleGrid>
            {values.eventId !== null && !values.draft && values.signedOn !== null && (
              <SignedOutsideEvent eventId={values.eventId} signedOn={values.signedOn} />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('agreements.form.validFrom')} {...form.getInputProps('validFrom')} />
              <DateField
                label={t('agreements.form.validUntil')}
                minDate={values.validFrom ?? undefined}
                {...form.getInputProps('validUntil')}
              />
            </SimpleGrid>
            {initial?.closedOn && reopensFollowUp(initial, values.validUntil) && (
              <Alert color="orange" icon={<IconAlertTriangle />} title={t('agreements.form.reopensTitle')} role="status">
                {t('agreements.form.reopens', { closedOn: formatDate(initial.closedOn) })}
              </Alert>
            )}
            <Textarea label={t('agreements.form.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('agreements.form.parties')}>
          <Stack gap="sm">
            <Text size="sm" c={form.errors.parties ? 'red' : 'dimmed'} role={form.errors.parties ? 'alert' : undefined}>
              {form.errors.parties ?? t('agreements.form.partiesHint')}
            </Text>
            {values.parties.map((party, index) => {
              const number = index + 1;
              const path = `parties.${index}`;
              // The party that signed is in the trash: the save is refused until it is restored.
              const inTrash = initial?.parties.some((stored) => stored.id === party.partyId && stored.inTrash && stored.kind === party.kind && stored.counterpartId === party.id);
              return (
                <Grid key={party.key} align="flex-start" gap="sm">
                  <Grid.Col span={{ base: 12, sm: 7 }}>
                    {party.kind === 'alliance' ? (
                      <Stack gap={4}>
                        <Text size="sm" fw={500}>
                          {t('agreements.form.party', { number })}
                        </Text>
                        <Group gap="xs" wrap="nowrap" h={36}>
                          <IconBuildingBank size={18} />
                          <Text size="sm">{allianceName}</Text>
                        </Group>
                      </Stack>
                    ) : (
                      <CounterpartPicker
                        label={t('agreements.form.party', { number })}
                        required
                        value={party.id === null ? null : { kind: party.kind, id: party.id, name: party.name }}
                        onChange={(counterpart) =>
                          form.setFieldValue(path, {
                            ...party,
                            kind: counterpart?.kind ?? 'organization',
                            id: counterpart?.id ?? null,
                            name: counterpart?.name ?? '',
                          })
                        }
                        exclude={picked.filter((other) => other.kind !== party.kind || other.id !== party.id)}
                        error={
                          messageAt(form.errors, `${path}.id`) ??
                          messageAt(form.errors, `${path}.kind`) ??
                          (inTrash ? t('agreements.form.partyInTrash', { name: party.name }) : undefined)
                        }
                      />
                    )}
                  </Grid.Col>
                  <Grid.Col span={{ base: 10, sm: 4 }}>
                    <LabelledSelect
                      label={t('agreements.form.role')}
                      placeholder={t('agreements.form.rolePlaceholder')}
                      required
                      allowDeselect={false}
                      data={agreementPartyRoles.map((role) => ({ value: role, label: t(`agreements.role.${role}`) }))}
                      {...form.getInputProps(`${path}.role`)}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 2, sm: 1 }}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      // Level with the inputs, below their labels.
                      mt={26}
                      aria-label={t('agreements.form.removeParty', { number })}
                      onClick={() => removeParty(index)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
              );
            })}
            <Group gap="xs">
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('parties', emptyParty())}>
                {t('agreements.form.addParty')}
              </Button>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconBuildingBank size={14} />}
                disabled={hasAlliance}
                onClick={() => form.insertListItem('parties', { key: newPartyKey(), kind: 'alliance', id: null, name: allianceName, role: null })}
              >
                {t('agreements.form.addAlliance')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('agreements.form.commitments')}>
          <Stack gap="sm">
            <Text size="sm" c={form.errors.commitments ? 'red' : 'dimmed'} role={form.errors.commitments ? 'alert' : undefined}>
              {form.errors.commitments ?? t('agreements.form.commitmentsHint')}
            </Text>
            {values.commitments.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('agreements.form.noCommitments')}
              </Text>
            )}
            {values.commitments.map((commitment, index) => (
              <CommitmentRow
                key={commitment.id ?? `new-${index}`}
                number={index + 1}
                commitment={commitment}
                deliveredAbove={deliveredAbove(initial, commitment)}
                sides={sideOptions}
                errorOf={(field) => form.errors[`commitments.${index}.${field}`]}
                onChange={(patch) => form.setFieldValue(`commitments.${index}`, { ...commitment, ...patch })}
                onRemove={() => form.removeListItem('commitments', index)}
              />
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('commitments', newCommitment(values.parties))}
              >
                {t('agreements.form.addCommitment')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('agreements.form.save')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('agreements.form.openSameNumber'), confirmable: t('agreements.form.viewSameNumber') }}
              hrefOf={agreementHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}

interface CommitmentRowProps {
  number: number;
  commitment: CommitmentValues;
  /** What was delivered, when the quantity typed is now below it (`deliveredAbove`). */
  deliveredAbove: number | null;
  /** The parties, to say which supplies and which receives. */
  sides: { value: string; label: string }[];
  /** An issue at one of the commitment's fields, by the name the contract gives it. */
  errorOf: (field: string) => ReactNode;
  onChange: (patch: Partial<CommitmentValues>) => void;
  onRemove: () => void;
}

function CommitmentRow({ number, commitment, deliveredAbove, sides, errorOf, onChange, onRemove }: CommitmentRowProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" aria-label={t('agreements.form.commitment', { number })} role="group">
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput
            label={t('agreements.form.product')}
            required
            value={commitment.product}
            onChange={(event) => onChange({ product: event.currentTarget.value })}
            error={errorOf('product')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <NumberField
            label={t('agreements.form.quantity')}
            required
            positive
            decimals={QUANTITY_ENTRY_DECIMALS}
            value={commitment.quantity}
            onChange={(quantity) => onChange({ quantity })}
            error={errorOf('quantity')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <Autocomplete
            label={t('agreements.form.unit')}
            placeholder={t('agreements.form.unitPlaceholder')}
            required
            data={commonUnits}
            // Enter takes the suggestion under the cursor rather than submitting the form half filled.
            selectFirstOptionOnChange
            value={commitment.unit}
            onChange={(unit) => onChange({ unit })}
            error={errorOf('unit')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <NumberField label={t('agreements.form.value')} unit="₫" value={commitment.value} onChange={(value) => onChange({ value })} error={errorOf('value')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LabelledSelect
            label={t('agreements.form.supplier')}
            placeholder={t('agreements.form.sidePlaceholder')}
            clearable
            data={sides}
            value={commitment.supplierKey}
            onChange={(supplierKey) => onChange({ supplierKey })}
            error={errorOf('supplierParty')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LabelledSelect
            label={t('agreements.form.receiver')}
            placeholder={t('agreements.form.sidePlaceholder')}
            clearable
            data={sides}
            value={commitment.receiverKey}
            onChange={(receiverKey) => onChange({ receiverKey })}
            error={errorOf('receiverParty')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 5 }}>
          <DateField label={t('agreements.form.startsOn')} value={commitment.startsOn} onChange={(startsOn) => onChange({ startsOn })} error={errorOf('startsOn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 5 }}>
          <DateField
            label={t('agreements.form.dueOn')}
            minDate={commitment.startsOn ?? undefined}
            value={commitment.dueOn}
            onChange={(dueOn) => onChange({ dueOn })}
            error={errorOf('dueOn')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 2 }}>
          <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('agreements.form.removeCommitment', { number })} onClick={onRemove}>
            <IconTrash size={18} />
          </ActionIcon>
        </Grid.Col>
      </Grid>
      {deliveredAbove !== null && typeof commitment.quantity === 'number' && (
        <Alert mt="sm" color="orange" icon={<IconAlertTriangle />} title={t('agreements.form.belowDeliveredTitle')} role="status">
          {t('agreements.form.belowDelivered', {
            delivered: formatQuantity(deliveredAbove, commitment.unit),
            quantity: formatQuantity(commitment.quantity, commitment.unit),
            over: formatQuantity(overDelivery({ quantity: commitment.quantity, delivered: deliveredAbove }), commitment.unit),
          })}
        </Alert>
      )}
    </Paper>
  );
}

/**
 * A signing day outside the days of the event it was signed at is said, not refused: the day or
 * the event may be wrong, or the agreement was signed on the event's eve.
 */
function SignedOutsideEvent({ eventId, signedOn }: { eventId: number; signedOn: string }) {
  const { t } = useTranslation();
  const event = useEvent(eventId).data;
  if (!event || (signedOn >= event.startsOn && signedOn <= event.endsOn)) return null;
  const days = event.endsOn === event.startsOn ? formatDate(event.startsOn) : `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}`;
  return (
    <Text size="sm" c="orange.8" role="status">
      {t('agreements.form.signedOutsideEvent', { signedOn: formatDate(signedOn), title: event.title, days })}
    </Text>
  );
}

interface EventSelectProps {
  /** The title of the event already chosen, shown before any search. */
  initialTitle: string | null;
  value: number | null;
  /** With the first day of the event chosen from the search (null when cleared or unknown). */
  onChange: (eventId: number | null, startsOn: string | null) => void;
  error: ReactNode;
}

/** The event the agreement was signed at, searched by title on the backend; optional. */
function EventSelect({ initialTitle, value, onChange, error }: EventSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(
    value !== null && initialTitle !== null ? { value: String(value), label: initialTitle } : null,
  );
  // The box shows the chosen title as its text; that is not a new search.
  const typed = chosen && query === chosen.label ? '' : query;
  const events = useEventList({ search: typed, page: 1, pageSize: 20 });
  const rows = events.data?.rows ?? [];
  const found = rows.map((event) => ({
    value: String(event.id),
    label: `${event.title} (${formatDate(event.startsOn)})`,
  }));
  const data = chosen && !found.some((option) => option.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <LabelledSelect
      label={t('agreements.form.event')}
      placeholder={t('agreements.form.eventPlaceholder')}
      nothingFoundMessage={events.isFetching ? t('common.loading') : t('agreements.form.noEvent')}
      searchable
      clearable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => {
        setChosen(data.find((option) => option.value === next) ?? null);
        onChange(next === null ? null : Number(next), rows.find((event) => String(event.id) === next)?.startsOn ?? null);
      }}
      error={error}
    />
  );
}
