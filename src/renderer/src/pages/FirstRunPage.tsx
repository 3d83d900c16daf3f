/** Shown instead of the app until the alliance has told us who it is. */
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AllianceForm } from '../components/AllianceForm';
import { navigate } from '../routing/useHashRoute';

export function FirstRunPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={640} component="main">
        <Stack gap="xs" mb="lg">
          <Text fw={700} c="teal.8">
            {t('common.appName')}
          </Text>
          <Title order={1} size="h2">
            {t('firstRun.title')}
          </Title>
          <Text c="dimmed">{t('firstRun.intro')}</Text>
        </Stack>
        <AllianceForm initial={null} submitLabel={t('firstRun.submit')} onSaved={() => navigate('thanh-vien')} />
      </Paper>
    </Center>
  );
}
