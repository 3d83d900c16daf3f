/** An area that is not built yet says so plainly instead of showing invented figures. */
import { EmptyState, Stack, Title } from '@mantine/core';
import { IconHammer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface PlaceholderPageProps {
  title: string;
}

export function PlaceholderPage({ title }: PlaceholderPageProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <EmptyState
        mt="xl"
        icon={<IconHammer />}
        withIndicatorBackground
        title={t('placeholder.title')}
        description={t('placeholder.description', { area: title })}
      />
    </Stack>
  );
}
