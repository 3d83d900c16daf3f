/**
 * Gợi ý kết nối: for a demand, the offers that may serve it; for an offer, the demands. Best first,
 * each with its score and, criterion by criterion, why: the same product group and a close name,
 * the days the windows share, the certificates asked for and held, the quantity, the province,
 * the price asked against what the buyer pays.
 */
import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Center, Group, List, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconCircleHalf2, IconCircleX, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DemandSummary, OfferSummary, SuggestionReason } from '../../../../shared/contract';
import { formatDate, formatPercent, formatQuantity, unitNameInSentence } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { useDemandSuggestions, useOfferSuggestions } from '../../queries/supply';
import { demandHref, offerHref, organizationHref, partnerHref } from '../../routing/useHashRoute';
import { ConnectDialog } from './ConnectDialog';
import { priceRange, useWindowText } from './SupplyBits';

const metIcons = {
  yes: { icon: IconCircleCheck, color: 'teal' },
  partly: { icon: IconCircleHalf2, color: 'yellow' },
  no: { icon: IconCircleX, color: 'red' },
  unknown: { icon: IconCircleDashed, color: 'gray' },
} as const;

/** One criterion as a sentence, from the facts it was judged on. */
function useReasonText(): (reason: SuggestionReason) => string {
  const { t } = useTranslation();
  const windowText = useWindowText();
  return (reason) => {
    switch (reason.kind) {
      case 'product':
        return t(`supply.reason.product.${reason.met}`, { group: reason.groupName, product: reason.otherProduct });
      case 'period':
        return reason.met === 'yes'
          ? t('supply.reason.period.yes', { window: windowText(reason.from, reason.until) })
          : t('supply.reason.period.partly', { window: windowText(reason.from, reason.until), percent: formatPercent(reason.coverage * 100) });
      case 'quality': {
        if (reason.none) return t('supply.reason.quality.none');
        const held = reason.held
          .map((certificate) =>
            [
              certificate.kindName,
              certificate.stars === null ? '' : t('supply.stars', { count: certificate.stars }),
              certificate.expiresOn === null ? '' : t('supply.reason.quality.until', { date: formatDate(certificate.expiresOn) }),
            ]
              .filter(Boolean)
              .join(' '),
          )
          .join(', ');
        const missing = reason.missing
          .map((requirement) => (requirement.minStars === null ? requirement.kindName : `${requirement.kindName} ${t('supply.starsAtLeast', { count: requirement.minStars })}`))
          .join(', ');
        // A certificate held today that runs out before the goods are needed is said, with its last day.
        const ranOut = reason.missing
          .flatMap((requirement) => (requirement.validUntil === null ? [] : [t('supply.reason.quality.ranOut', { kind: requirement.kindName, date: formatDate(requirement.validUntil) })]))
          .join('; ');
        const words = { held, missing, on: formatDate(reason.on), ranOut: ranOut ? `; ${ranOut}` : '' };
        if (reason.met === 'yes') return t('supply.reason.quality.yes', words);
        if (reason.met === 'partly') return t('supply.reason.quality.partly', words);
        return t('supply.reason.quality.no', words);
      }
      case 'quantity':
        return t(`supply.reason.quantity.${reason.met}`, {
          available: formatQuantity(reason.available, reason.unitName),
          needed: formatQuantity(reason.needed, reason.unitName),
        });
      case 'place':
        // «Cùng tỉnh: Tỉnh An Giang» shows the name as a label does; «nguồn cung ở tỉnh Đồng Tháp» writes it in a sentence.
        return reason.met === 'yes'
          ? t('supply.reason.place.yes', { offer: reason.offerProvinceName })
          : t('supply.reason.place.no', { offer: unitNameInSentence(reason.offerProvinceName), delivery: unitNameInSentence(reason.deliveryProvinceName) });
      case 'price': {
        const offer = priceRange(t, reason.offerMin, reason.offerMax, reason.unitName);
        const buyer = priceRange(t, reason.buyerMin, reason.buyerMax, reason.unitName);
        if (reason.met !== 'unknown') return t(`supply.reason.price.${reason.met}`, { offer, buyer });
        return t(`supply.reason.price.unknown.${offer ? 'buyer' : buyer ? 'offer' : 'both'}`);
      }
    }
  };
}

function Reasons({ reasons }: { reasons: SuggestionReason[] }) {
  const text = useReasonText();
  return (
    <List spacing={2} size="sm" center>
      {reasons.map((reason) => {
        const { icon: Icon, color } = metIcons[reason.met];
        return (
          <List.Item
            key={reason.kind}
            icon={
              <ThemeIcon color={color} variant="light" size={20} radius="xl">
                <Icon size={14} />
              </ThemeIcon>
            }
          >
            {text(reason)}
          </List.Item>
        );
      })}
    </List>
  );
}

interface CardProps {
  rank: number;
  score: number;
  head: ReactNode;
  detail: string;
  reasons: SuggestionReason[];
  onConnect: () => void;
  label: string;
}

function SuggestionCard({ rank, score, head, detail, reasons, onConnect, label }: CardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge variant="filled" circle>
              {rank}
            </Badge>
            {head}
          </Group>
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
          <Reasons reasons={reasons} />
        </Stack>
        <Stack gap="xs" align="flex-end">
          <Badge variant="light" size="lg" tt="none">
            {t('supply.suggestions.score', { score: Math.round(score) })}
          </Badge>
          <Button size="xs" leftSection={<IconLink size={14} />} onClick={onConnect} aria-label={`${t('supply.connect.button')}: ${label}`}>
            {t('supply.connect.button')}
          </Button>
        </Stack>
      </Group>
    </Paper>
  );
}

function SuggestionFrame({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** The loader or the error while suggestions come, or what to say when there are none; null once there are some. */
function Waiting({ query, empty }: { query: ReturnType<typeof useOfferSuggestions> | ReturnType<typeof useDemandSuggestions>; empty: string }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center mih={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Text size="sm" c="dimmed">
      {empty}
    </Text>
  );
}

/** For a demand: the offers, best first. */
export function OfferSuggestions({ demand }: { demand: DemandSummary }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const suggestions = useOfferSuggestions(demand.id);
  const [connecting, setConnecting] = useState<OfferSummary | null>(null);
  return (
    <SuggestionFrame title={t('supply.suggestions.offersTitle')} hint={t('supply.suggestions.offersHint')}>
      {!suggestions.data?.length ? (
        <Waiting query={suggestions} empty={t('supply.suggestions.noOffers')} />
      ) : (
          <Stack gap="sm">
            {suggestions.data.map((suggestion, index) => {
              const offer = suggestion.item;
              return (
                <SuggestionCard
                  key={offer.id}
                  rank={index + 1}
                  score={suggestion.score}
                  label={`${offer.product} — ${offer.organization.name}`}
                  head={
                    <Text fw={600}>
                      <Anchor href={offerHref(offer.id)}>{offer.product}</Anchor>
                      {' — '}
                      <Anchor href={organizationHref(offer.organization.id)}>{offer.organization.name}</Anchor>
                    </Text>
                  }
                  detail={[
                    t('supply.remaining', { quantity: formatQuantity(offer.remaining, offer.unitName) }),
                    windowText(offer.availableFrom, offer.availableUntil),
                    offer.placeName,
                    priceRange(t, offer.priceMin, offer.priceMax, offer.unitName),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  reasons={suggestion.reasons}
                  onConnect={() => setConnecting(offer)}
                />
              );
            })}
          </Stack>
      )}
      {connecting && <ConnectDialog offer={connecting} demand={demand} onClose={() => setConnecting(null)} />}
    </SuggestionFrame>
  );
}

/** For an offer: the demands, best first. */
export function DemandSuggestions({ offer }: { offer: OfferSummary }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const suggestions = useDemandSuggestions(offer.id);
  const [connecting, setConnecting] = useState<DemandSummary | null>(null);
  return (
    <SuggestionFrame title={t('supply.suggestions.demandsTitle')} hint={t('supply.suggestions.demandsHint')}>
      {!suggestions.data?.length ? (
        <Waiting query={suggestions} empty={t('supply.suggestions.noDemands')} />
      ) : (
          <Stack gap="sm">
            {suggestions.data.map((suggestion, index) => {
              const demand = suggestion.item;
              const buyerHref = demand.buyer.kind === 'partner' ? partnerHref(demand.buyer.id) : organizationHref(demand.buyer.id);
              return (
                <SuggestionCard
                  key={demand.id}
                  rank={index + 1}
                  score={suggestion.score}
                  label={`${demand.product} — ${demand.buyer.name}`}
                  head={
                    <Text fw={600}>
                      <Anchor href={demandHref(demand.id)}>{demand.product}</Anchor>
                      {' — '}
                      <Anchor href={buyerHref}>{demand.buyer.name}</Anchor>
                    </Text>
                  }
                  detail={[
                    t('supply.stillNeeded', { quantity: formatQuantity(demand.remaining, demand.unitName) }),
                    windowText(demand.neededFrom, demand.neededUntil),
                    [demand.deliveryPlace, demand.deliveryProvinceName].filter(Boolean).join(', '),
                    priceRange(t, demand.priceMin, demand.priceMax, demand.unitName),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  reasons={suggestion.reasons}
                  onConnect={() => setConnecting(demand)}
                />
              );
            })}
          </Stack>
      )}
      {connecting && <ConnectDialog offer={offer} demand={connecting} onClose={() => setConnecting(null)} />}
    </SuggestionFrame>
  );
}
