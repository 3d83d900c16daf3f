/**
 * Under an address written before 1 July 2025: the commune it lies in now, from the official
 * old→new mapping, offered with one click — or the choices when the old commune was split, or
 * when the address may mean several old communes (a district that held none of the name, several
 * of one name), which the backend's words say. Nothing is chosen for the user. The communes offered
 * are of the province the address names, else of the alliance's; when that is not the form's
 * province, it says so, and a click chooses that province too: a commune belongs to one.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OldAddressSuggestion as Suggestion } from '../../../shared/contract';
import type { Commune } from '../../../shared/domain';
import { unitNameInSentence } from '../../../shared/format';
import { useProvinces } from '../queries';

interface OldAddressSuggestionProps {
  suggestion: Suggestion;
  /** The form's province. */
  provinceCode: string;
  chosen: string | null;
  onChoose: (commune: Commune) => void;
}

export function OldAddressSuggestion({ suggestion: { match, reason }, provinceCode, chosen, onChoose }: OldAddressSuggestionProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  if (match.kind === 'unknown') {
    return (
      <Text size="sm" c={reason === null ? 'dimmed' : undefined}>
        {reason ?? t('register.oldAddress.unknown')}
      </Text>
    );
  }
  const candidates = match.kind === 'mapped' ? [match.commune] : match.candidates;
  const lead = match.kind === 'mapped' ? 'register.oldAddress.mapped' : reason === null ? 'register.oldAddress.ambiguous' : 'register.oldAddress.choose';
  // All of one province, the one the address is read in.
  const elsewhere = candidates.find((commune) => commune.provinceCode !== provinceCode);
  const elsewhereProvince = elsewhere && provinces.data?.find((province) => province.code === elsewhere.provinceCode);
  return (
    <Stack gap={4} aria-live="polite">
      {match.kind === 'ambiguous' && reason !== null && <Text size="sm">{reason}</Text>}
      {elsewhereProvince && <Text size="sm">{t('register.oldAddress.otherProvince', { province: unitNameInSentence(elsewhereProvince.fullName) })}</Text>}
      <Group gap="xs">
        <IconMapPin size={16} aria-hidden />
        <Text size="sm">{t(lead)}</Text>
        {candidates.map((commune) => (
          <Button
            key={commune.code}
            size="compact-sm"
            variant={commune.code === chosen ? 'filled' : 'light'}
            onClick={() => onChoose(commune)}
          >
            {commune.fullName}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
