/** Certifications as a compact table: kind (with OCOP stars), number, issuer, dates, expiry badge. */
import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Certification } from '../../../../../shared/contract';
import { formatDate } from '../../../../../shared/format';
import { expiryState } from './expiry';

export function Stars({ count }: { count: number | null }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Text span c="yellow.7" aria-label={t('figures.products.cert.starsLabel', { stars: count })} title={t('figures.products.cert.starsLabel', { stars: count })}>
      {'★'.repeat(count)}
    </Text>
  );
}

export function ExpiryBadge({ expiresOn }: { expiresOn: string | null }) {
  const { t } = useTranslation();
  const state = expiryState(expiresOn);
  if (!state) return null;
  return (
    <Badge size="sm" variant="light" tt="none" color={state === 'expired' ? 'red' : 'orange'}>
      {t(`figures.products.expiry.${state}`)}
    </Badge>
  );
}

interface CertificationListProps {
  certifications: Certification[];
  onEdit: (certification: Certification) => void;
  onDelete: (certification: Certification) => void;
}

export function CertificationList({ certifications, onEdit, onDelete }: CertificationListProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('figures.products.cert.kind')}</Table.Th>
            <Table.Th>{t('figures.products.cert.number')}</Table.Th>
            <Table.Th>{t('figures.products.cert.issuer')}</Table.Th>
            <Table.Th>{t('figures.products.cert.issuedOn')}</Table.Th>
            <Table.Th>{t('figures.products.cert.expiresOn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certifications.map((certification) => (
            <Table.Tr key={certification.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{certification.kindName}</Text>
                  <Stars count={certification.stars} />
                </Group>
              </Table.Td>
              <Table.Td>{certification.number}</Table.Td>
              <Table.Td>{certification.issuer}</Table.Td>
              <Table.Td>{formatDate(certification.issuedOn)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {formatDate(certification.expiresOn)}
                  <ExpiryBadge expiresOn={certification.expiresOn} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Tooltip label={t('figures.products.cert.edit')}>
                    <ActionIcon variant="subtle" aria-label={t('figures.products.cert.editNamed', { kind: certification.kindName })} onClick={() => onEdit(certification)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('figures.products.cert.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('figures.products.cert.deleteNamed', { kind: certification.kindName })}
                      onClick={() => onDelete(certification)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
