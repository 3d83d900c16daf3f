/**
 * Under an address written before 1 July 2025: the commune it lies in now, from the official
 * old→new mapping, offered with one click — or the choices when the old commune was split, or
 * when the address may mean several old communes (a district that held none of the name, several
 * of one name), which the backend's words say. Nothing is chosen for the user.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OldAddressSuggestion as Suggestion } from '../../../shared/contract';

interface OldAddressSuggestionProps {
  suggestion: Suggestion;
  chosen: string | null;
  onChoose: (communeCode: string) => void;
}

export function OldAddressSuggestion({ suggestion: { match, reason }, chosen, onChoose }: OldAddressSuggestionProps) {
  const { t } = useTranslation();
  if (match.kind === 'unknown') {
    return (
      <Text size="sm" c="dimmed">
        {t('register.oldAddress.unknown')}
      </Text>
    );
  }
  const candidates = match.kind === 'mapped' ? [match.commune] : match.candidates;
  const lead = match.kind === 'mapped' ? 'register.oldAddress.mapped' : reason === null ? 'register.oldAddress.ambiguous' : 'register.oldAddress.choose';
  return (
    <Stack gap={4} aria-live="polite">
      {match.kind === 'ambiguous' && reason !== null && <Text size="sm">{reason}</Text>}
      <Group gap="xs">
        <IconMapPin size={16} aria-hidden />
        <Text size="sm">{t(lead)}</Text>
        {candidates.map((commune) => (
          <Button
            key={commune.code}
            size="compact-sm"
            variant={commune.code === chosen ? 'filled' : 'light'}
            onClick={() => onChoose(commune.code)}
          >
            {commune.fullName}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
