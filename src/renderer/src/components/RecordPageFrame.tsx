/**
 * The frame of one record's page: the link back to its list above everything, a loader while the
 * record comes, the backend's message with a retry when it cannot, and the record's view once here.
 */
import type { ReactNode } from 'react';
import { Anchor, Center, Group, Loader, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError } from './LoadError';

interface RecordPageFrameProps<T> {
  query: UseQueryResult<T>;
  back: { href: string; label: string };
  children: (record: T) => ReactNode;
}

export function RecordPageFrame<T>({ query, back, children }: RecordPageFrameProps<T>) {
  const { t } = useTranslation();
  const backLink = (
    <Anchor href={back.href} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {back.label}
      </Group>
    </Anchor>
  );
  if (query.isPending) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Stack>
      {backLink}
      {query.isError ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : children(query.data)}
    </Stack>
  );
}
