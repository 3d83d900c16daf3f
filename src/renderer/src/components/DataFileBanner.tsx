/**
 * Above every page while the data file is open read-only: damaged (with the latest sound backup
 * and a button to restore it), or open on another computer. Nothing while all is well.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDataFileStatus } from '../queries/backups';
import { hrefOf } from '../routing/useHashRoute';
import { backupContents, backupTime, useRestoreConfirmation } from './useRestoreConfirmation';

export function DataFileBanner() {
  const { t } = useTranslation();
  const status = useDataFileStatus();
  const confirmRestore = useRestoreConfirmation();
  if (!status.data || status.data.access === 'write') return null;
  const { access, message, latestSound, backupsDatedAhead } = status.data;

  if (access === 'locked') {
    return (
      <Alert color="yellow" icon={<IconLock />} title={t('backups.banner.lockedTitle')} mb="md">
        {message}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('backups.banner.damagedTitle')} mb="md">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {latestSound ? (
          <>
            <Text size="sm" fw={500}>
              {t('backups.banner.latest', { time: backupTime(latestSound), contents: backupContents(t, latestSound) })}
            </Text>
            <Group gap="sm">
              <Button size="xs" color="red" onClick={() => confirmRestore(latestSound)}>
                {t('backups.banner.restoreLatest')}
              </Button>
              <Anchor size="sm" href={hrefOf('cai-dat')}>
                {t('backups.banner.allBackups')}
              </Anchor>
            </Group>
          </>
        ) : backupsDatedAhead > 0 ? (
          // Never offered as «the newest»: the person looks at them and chooses.
          <Text size="sm">
            {t('backups.banner.onlyDatedAhead', { count: backupsDatedAhead })}{' '}
            <Anchor size="sm" href={hrefOf('cai-dat')}>
              {t('backups.banner.allBackups')}
            </Anchor>
          </Text>
        ) : (
          <Text size="sm">{t('backups.banner.noBackup')}</Text>
        )}
      </Stack>
    </Alert>
  );
}
