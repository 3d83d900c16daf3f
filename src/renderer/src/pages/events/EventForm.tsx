/**
 * Adds an event, or edits one. The contract's schema gives instant feedback on the fields; the
 * backend still decides, and its field issues are shown where they belong.
 */
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { eventInput, type EventDetail, type EventInput, type EventSummary } from '../../../../shared/contract';
import type { EventKind } from '../../../../shared/domain';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { SaveConflictNotice } from '../../components/DuplicateNotices';
import { useSaveWithDuplicateCheck } from '../../forms/duplicateCheck';
import { eventHref } from '../../routing/useHashRoute';
import { lookupOptions, useCreateEvent, useEventLookups, useUpdateEvent } from '../../queries/events';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { TimeField } from '../../components/TimeField';

interface EventValues {
  kind: EventKind | null;
  title: string;
  startsOn: string | null;
  startsAt: string;
  endsOn: string | null;
  venue: string;
  provinceCode: string | null;
  organizer: string;
  coOrganizers: string;
  budget: NumberFieldValue;
  description: string;
  outcome: string;
}

/** The alliance, whose own events most are: a new one is offered its name and province. */
interface Host {
  name: string;
  provinceCode: string | null;
}

function valuesOf(event: EventDetail | undefined, host: Host): EventValues {
  if (!event) {
    return {
      kind: null,
      title: '',
      startsOn: null,
      startsAt: '',
      endsOn: null,
      venue: '',
      provinceCode: host.provinceCode,
      organizer: host.name,
      coOrganizers: '',
      budget: null,
      description: '',
      outcome: '',
    };
  }
  const { kind, title, startsOn, startsAt, endsOn, venue, provinceCode, organizer, coOrganizers, budget, description, outcome } = event;
  // A one-day event shows an empty end date, as it was entered.
  return {
    kind,
    title,
    startsOn,
    startsAt: startsAt ?? '',
    endsOn: endsOn === startsOn ? null : endsOn,
    venue,
    provinceCode,
    organizer,
    coOrganizers,
    budget,
    description,
    outcome,
  };
}

interface EventFormProps {
  /** The event being edited; absent to add a new one. */
  initial?: EventDetail;
  host: Host;
  onSaved: (event: EventSummary) => void;
  onCancel: () => void;
}

export function EventForm({ initial, host, onSaved, onCancel }: EventFormProps) {
  const { t } = useTranslation();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const form = useForm<EventValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial, host),
    validate: schemaResolver(eventInput, { sync: true }),
  });
  const lookups = useEventLookups();
  // A kind held online (the lookup says which) takes place in no province.
  const online = lookups.data?.kinds.find((kind) => kind.code === form.values.kind)?.online ?? false;

  // An event of the same kind, day and name is asked about before a second is saved («Vẫn lưu»).
  const { submit, saveAnyway, conflict, saving, formError } = useSaveWithDuplicateCheck({
    form,
    inputOf: (values): EventInput | null => {
      const { kind, startsOn, budget } = values;
      // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (kind === null || startsOn === null || typeof budget === 'string') return null;
      return { ...values, kind, startsOn, budget, provinceCode: online ? null : values.provinceCode };
    },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <LabelledSelect
          data-autofocus
          label={t('events.form.kind')}
          placeholder={t('events.form.kindPlaceholder')}
          required
          allowDeselect={false}
          data={lookupOptions(lookups.data?.kinds, initial?.kind)}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('events.form.title')} placeholder={t('events.form.titlePlaceholder')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('events.form.startsOn')} required {...form.getInputProps('startsOn')} />
          {/* Typed text rather than a browser's own time field, which may show AM/PM with some locales. */}
          <TimeField
            label={t('events.form.startsAt')}
            description={t('events.form.startsAtHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('startsAt')}
          />
          <DateField
            label={t('events.form.endsOn')}
            description={t('events.form.endsOnHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            minDate={form.values.startsOn ?? undefined}
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('events.form.venue')} placeholder={t('events.form.venuePlaceholder')} {...form.getInputProps('venue')} />
          <ProvinceSelect
            label={t('events.form.province')}
            placeholder={online ? t('events.form.provinceOnline') : t('events.form.provincePlaceholder')}
            nothingFoundMessage={t('events.form.noProvince')}
            required={!online}
            disabled={online}
            clearable
            {...form.getInputProps('provinceCode')}
            value={online ? null : form.values.provinceCode}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('events.form.organizer')} {...form.getInputProps('organizer')} />
          <TextInput label={t('events.form.coOrganizers')} {...form.getInputProps('coOrganizers')} />
        </SimpleGrid>
        <NumberField label={t('events.form.budget')} unit="₫" writtenAmounts {...form.getInputProps('budget')} />
        <Textarea label={t('events.form.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <Textarea label={t('events.form.outcome')} autosize minRows={2} maxRows={8} {...form.getInputProps('outcome')} />
        <FormFooter
          dirty={form.isDirty()}
          error={formError}
          submitLabel={initial ? t('events.form.save') : t('events.form.create')}
          saving={saving}
          onCancel={onCancel}
        >
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('events.form.viewExisting'), confirmable: t('events.form.viewExisting') }}
              hrefOf={eventHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}
