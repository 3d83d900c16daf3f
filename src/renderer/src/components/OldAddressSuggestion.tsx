/**
 * Under an address written before 1 July 2025: the commune it lies in now, from the official
 * old→new mapping, offered with one click — or the choices when the old commune was split.
 * Nothing is chosen for the user.
 */
import { Button, Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OldAddressMatch } from '../../../shared/domain';

interface OldAddressSuggestionProps {
  match: OldAddressMatch;
  chosen: string | null;
  onChoose: (communeCode: string) => void;
}

export function OldAddressSuggestion({ match, chosen, onChoose }: OldAddressSuggestionProps) {
  const { t } = useTranslation();
  if (match.kind === 'unknown') {
    return (
      <Text size="sm" c="dimmed">
        {t('register.oldAddress.unknown')}
      </Text>
    );
  }
  const candidates = match.kind === 'mapped' ? [match.commune] : match.candidates;
  return (
    <Group gap="xs" aria-live="polite">
      <IconMapPin size={16} aria-hidden />
      <Text size="sm">{t(match.kind === 'mapped' ? 'register.oldAddress.mapped' : 'register.oldAddress.ambiguous')}</Text>
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
  );
}
