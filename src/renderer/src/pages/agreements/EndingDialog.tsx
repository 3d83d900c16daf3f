/**
 * The two ways an agreement stops being followed, asked the same way — a day (today unless told)
 * and a reason, both kept in its history: Chấm dứt, when the parties end it before its term, and
 * Kết thúc theo dõi, when it ran out with commitments unfinished. What differs is said by `endings`.
 */
import { Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { closeInput, terminateInput, type AgreementDetail } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { useFormSave } from '../../forms/oneSave';
import { useCloseAgreement, useTerminateAgreement } from '../../queries/agreements';
import { FormModal } from '../../forms/unsavedChanges';

interface EndingValues {
  id: number;
  /** The day it ends, under the contract's name that `Ending.dayPath` gives. */
  day: string | null;
  reason: string;
}

interface Ending {
  /** Its words, under `agreements.<words>.`. */
  words: 'terminate' | 'close';
  /** The form's schema: the contract's, with the day under the form's name. */
  schema: z.ZodType<unknown, EndingValues>;
  /** Where the contract names the day, for the backend's issues about it. */
  dayPath: string;
  /** What the form first says of what the ending means, if anything. */
  explanation: ParseKeys | null;
  /** Sends the ending. */
  useSend: () => (values: EndingValues & { day: string }) => Promise<unknown>;
}

export const endings = {
  terminate: {
    words: 'terminate',
    schema: z.object({ id: terminateInput.shape.id, day: terminateInput.shape.terminatedOn, reason: terminateInput.shape.reason }),
    dayPath: 'terminatedOn',
    explanation: null,
    useSend: () => {
      const terminate = useTerminateAgreement();
      return ({ day, ...values }) => terminate.mutateAsync({ ...values, terminatedOn: day });
    },
  },
  close: {
    words: 'close',
    schema: z.object({ id: closeInput.shape.id, day: closeInput.shape.closedOn, reason: closeInput.shape.reason }),
    dayPath: 'closedOn',
    explanation: 'agreements.close.explain',
    useSend: () => {
      const close = useCloseAgreement();
      return ({ day, ...values }) => close.mutateAsync({ ...values, closedOn: day });
    },
  },
} satisfies Record<string, Ending>;

interface EndingDialogProps {
  ending: Ending;
  agreement: AgreementDetail;
  opened: boolean;
  onClose: () => void;
}

export function EndingDialog({ ending, agreement, opened, onClose }: EndingDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t(`agreements.${ending.words}.title`)}>
      {/* Mounted only while open: opened again, it starts from today and an empty reason. */}
      {opened && <EndingForm ending={ending} agreement={agreement} onDone={onClose} />}
    </FormModal>
  );
}

function EndingForm({ ending, agreement, onDone }: { ending: Ending; agreement: AgreementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const send = ending.useSend();
  const form = useForm<EndingValues>({
    mode: 'controlled',
    initialValues: { id: agreement.id, day: dayjs().format('YYYY-MM-DD'), reason: '' },
    validate: schemaResolver(ending.schema, { sync: true }),
  });
  const { submit, saving, formError } = useFormSave({
    form,
    save: ({ day, ...values }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (day === null) throw new Error('The schema requires a date.');
      return send({ ...values, day });
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: t(`agreements.${ending.words}.done`) });
      onDone();
    },
    // The agreement's id has no input: what is said of it is said for the whole form.
    fieldPaths: () => (path) => (path === ending.dayPath ? 'day' : path === 'reason' ? path : null),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {ending.explanation && <Text size="sm">{t(ending.explanation)}</Text>}
        <DateField label={t(`agreements.${ending.words}.date`)} required {...form.getInputProps('day')} />
        <Textarea
          label={t(`agreements.${ending.words}.reason`)}
          placeholder={t(`agreements.${ending.words}.reasonPlaceholder`)}
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t(`agreements.${ending.words}.submit`)} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
