/**
 * The withdrawal (Rút) of an offer or a demand, which their pages share: from a day on, or taken back.
 */
import { useState } from 'react';
import { Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconHandOff } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { useSupplyWrite } from '../../queries/supply';

/** Rút: the offer or demand stops from a day on; Mở lại takes the withdrawal back. */
export function WithdrawButton({ side, id, withdrawnOn }: { side: 'offer' | 'demand'; id: number; withdrawnOn: string | null }) {
  const { t } = useTranslation();
  const withdraw = useSupplyWrite(side === 'offer' ? 'offers:withdraw' : 'demands:withdraw');
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<string | null>(dayjs().format('YYYY-MM-DD'));
  const [error, setError] = useState<string | null>(null);
  const run = async (on: string | null) => {
    setError(null);
    try {
      await withdraw.mutateAsync({ id, withdrawnOn: on });
      notifications.show({ color: 'teal', message: on === null ? t('supply.withdraw.reopened') : t('supply.withdraw.done', { date: formatDate(on) }) });
      setOpen(false);
    } catch (failure) {
      setError(messageOf(failure, t('common.unexpectedError')));
    }
  };
  if (withdrawnOn !== null) {
    return (
      <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={withdraw.isPending} onClick={() => void run(null)}>
        {t('supply.withdraw.reopen')}
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" leftSection={<IconHandOff size={16} />} onClick={() => setOpen(true)}>
        {t('supply.withdraw.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t(`supply.withdraw.title.${side}`)}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(day);
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t(`supply.withdraw.hint.${side}`)}</Text>
            <DateField label={t('supply.withdraw.date')} required value={day} onChange={setDay} />
            <FormFooter error={error} submitLabel={t('supply.withdraw.submit')} saving={withdraw.isPending} onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
