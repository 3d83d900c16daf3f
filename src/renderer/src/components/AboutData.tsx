/** Which file the app is working on, so the office knows what to back up or open elsewhere. */
import { DataList, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../queries';
import { LoadError } from './LoadError';

export function AboutData() {
  const { t } = useTranslation();
  const info = useAppInfo();
  if (info.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (info.isError) return <LoadError error={info.error} onRetry={() => void info.refetch()} />;
  return (
    <>
      <DataList labelWidth={220}>
        <DataList.Item>
          <DataList.ItemLabel>{t('settings.version')}</DataList.ItemLabel>
          <DataList.ItemValue>{info.data.version}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('settings.databaseFile')}</DataList.ItemLabel>
          <DataList.ItemValue style={{ wordBreak: 'break-all' }}>{info.data.databaseFile}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('settings.schemaVersion')}</DataList.ItemLabel>
          <DataList.ItemValue>{info.data.schemaVersion}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Text size="sm" c="dimmed" mt="sm">
        {t('settings.otherFile')}
      </Text>
    </>
  );
}
