/**
 * Cần chú ý at a glance on Tổng quan: how many items of each kind, each count leading to its
 * section of the full list. Back from there puts the focus on the link that was followed again.
 */
import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useAttention } from '../../queries/attention';
import { attentionHref, attentionSections, hrefOf, type AttentionSection } from '../../routing/useHashRoute';

/** Marks Tổng quan's step in the history with the link followed from it: a section, or the whole list. */
const followedMark = 'followedAttention';
type Followed = AttentionSection | 'all';

function followedHere(): Followed | null {
  const state: unknown = window.history.state;
  const followed = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[followedMark] : undefined;
  return followed === 'all' ? 'all' : (attentionSections.find((section) => section === followed) ?? null);
}

/** Kept on this step before the link's own step is added, for Back to find. */
function markFollowed(followed: Followed): void {
  window.history.replaceState({ ...(window.history.state as object | null), [followedMark]: followed }, '');
}

export function AttentionSummary() {
  const { t } = useTranslation();
  const attention = useAttention({});
  // Read once, as the page opens: Back to it (or a reload) finds the link that was followed.
  const [returnTo] = useState(followedHere);
  const followedLink = useRef<HTMLAnchorElement>(null);
  const shown = attention.data !== undefined;
  useEffect(() => {
    if (shown) followedLink.current?.focus();
  }, [shown]);
  if (attention.isError) return <LoadError error={attention.error} onRetry={() => void attention.refetch()} />;
  if (!attention.data) return null;
  const list = attention.data;
  // Each badge says its number with its noun, in the plural form the number takes; in the order of
  // the page's sections (`attentionSections`), so a count leads down the page as the eye reads on.
  const counts = (
    [
      { section: 'sap-het-han', n: list.expiringAgreements.length, summary: 'attention.expiring.summary', urgent: true },
      { section: 'cam-ket-qua-han', n: list.overdueCommitments.length, summary: 'attention.overdue.summary', urgent: true },
      { section: 'het-han-chua-hoan-thanh', n: list.expiredUnfinished.length, summary: 'attention.expired.summary', urgent: true },
      { section: 'chua-theo-doi', n: list.withoutFollowUp.length, summary: 'attention.followUp.summary', urgent: false },
      { section: 'su-kien', n: list.upcomingEvents.length, summary: 'attention.events.summary', urgent: false },
      { section: 'nguon-cung', n: list.offersWithoutBuyer.length, summary: 'attention.offers.summary', urgent: false },
      { section: 'nhu-cau', n: list.unservedDemands.length, summary: 'attention.demands.summary', urgent: true },
      { section: 'chi-tieu', n: list.targetsAtRisk.length, summary: 'plans.attention.summary', urgent: true },
      { section: 'chung-nhan', n: list.expiringCertifications.length, summary: 'attention.certificates.summary', urgent: false },
    ] as const
  )
    .filter((entry) => entry.n > 0)
    .sort((a, b) => attentionSections.indexOf(a.section) - attentionSections.indexOf(b.section));

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="overview-needs-attention">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <IconAlertTriangle size={18} color={counts.length ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)'} />
          <Text fw={600} id="overview-needs-attention">
            {t('attention.title')}
          </Text>
        </Group>
        {counts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attention.nothing')}
          </Text>
        ) : (
          <Group gap="xs">
            {counts.map((entry) => (
              <Badge
                key={entry.section}
                component="a"
                href={attentionHref(entry.section)}
                ref={entry.section === returnTo ? followedLink : undefined}
                onClick={() => markFollowed(entry.section)}
                variant="light"
                color={entry.urgent ? 'red' : 'orange'}
                tt="none"
                size="lg"
                rightSection={<IconChevronRight size={14} aria-hidden />}
                // A badge keeps the arrow cursor of a label; this one is a link.
                style={{ cursor: 'pointer' }}
              >
                {t(entry.summary, { count: entry.n })}
              </Badge>
            ))}
          </Group>
        )}
        <Anchor href={hrefOf('can-chu-y')} size="sm" ref={returnTo === 'all' ? followedLink : undefined} onClick={() => markFollowed('all')}>
          {t('attention.seeAll')}
        </Anchor>
      </Group>
    </Paper>
  );
}
