/** Says that data could not be loaded, in the backend's own words, and offers to try again. */
import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api';

interface LoadErrorProps {
  error: unknown;
  onRetry: () => void;
  /** A way out beside «Thử lại», such as a link to where the record went. */
  action?: ReactNode;
}

export function LoadError({ error, onRetry, action }: LoadErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={t('common.loadFailed')}>
      {messageOf(error, t('common.unexpectedError'))}
      <Group mt="sm" gap="xs">
        {action}
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
