/** Cần chú ý: certificates to renew (running out in the next 90 days, or run out and not renewed), soonest first, with their organizations. */
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { certificatesSoon } from '../../queries/overview';
import { useExpiringCertifications } from '../../queries/register';
import { organizationHref } from '../../routing/useHashRoute';
import { CertificateLeft } from '../attention/AttentionPage';
import { Stars } from '../organization/products/CertificationList';

export function AttentionList() {
  const { t } = useTranslation();
  const expiring = useExpiringCertifications(certificatesSoon);
  const rows = expiring.data ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overview-attention">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="overview-attention">
          {t('overview.attention.title')}
        </Text>
        {expiring.data && (
          <Badge variant="light" color={rows.length ? 'orange' : 'teal'} tt="none">
            {t('overview.attention.count', { n: rows.length })}
          </Badge>
        )}
      </Group>
      {expiring.isError && <LoadError error={expiring.error} onRetry={() => void expiring.refetch()} />}
      {expiring.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('overview.attention.none')}
        </Text>
      )}
      <Stack gap="xs">
        {rows.slice(0, 12).map((row) => (
          <Group key={row.certificationId} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Anchor href={organizationHref(row.organizationId, 'san-pham')} size="sm" fw={500}>
                {row.organizationName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {row.kindName} <Stars count={row.stars} />
                {row.productName && ` · ${row.productName}`}
                {row.number && ` · ${t('overview.attention.number', { number: row.number })}`}
              </Text>
            </div>
            <Stack gap={0} align="flex-end">
              <Text size="sm">{formatDate(row.expiresOn)}</Text>
              <Text size="xs" c={row.daysLeft <= 30 ? 'red.7' : 'orange.7'}>
                <CertificateLeft daysLeft={row.daysLeft} expiresOn={row.expiresOn} />
              </Text>
            </Stack>
          </Group>
        ))}
        {rows.length > 12 && (
          <Text size="xs" c="dimmed">
            {t('overview.attention.more', { n: rows.length - 12 })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
