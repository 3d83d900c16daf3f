/**
 * Cài đặt: which classifications of the yearly figures count as operating effectively when a
 * target's actual is computed; each plan's page states the definition beside its figures.
 */
import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { classifications } from '../../../../shared/domain';
import { messageOf } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useEffectiveDefinition, useSetEffectiveDefinition } from '../../queries/plans';

export function EffectiveDefinition() {
  const { t } = useTranslation();
  const definition = useEffectiveDefinition();
  const save = useSetEffectiveDefinition();
  if (definition.isError) return <LoadError error={definition.error} onRetry={() => void definition.refetch()} />;
  if (!definition.data) return null;
  const change = (chosen: string[]) => {
    const picked = classifications.filter((classification) => chosen.includes(classification));
    save.mutate(
      { classifications: picked },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('plans.settings.saved') }),
        onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('plans.settings.description')}
      </Text>
      <Checkbox.Group aria-label={t('plans.settings.title')} value={definition.data} onChange={change}>
        <Group>
          {classifications.map((classification) => (
            <Checkbox key={classification} value={classification} label={t(`figures.classification.${classification}`)} disabled={save.isPending} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
