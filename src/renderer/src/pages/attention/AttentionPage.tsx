/**
 * Cần chú ý: what an organizer chases today, one section per kind of item, most urgent first.
 * Each row leads to the record to act on.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Anchor, Badge, Center, Group, Loader, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AttentionList } from '../../../../shared/contract';
import { formatCount, formatDate, formatPercent, formatQuantity } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useAttention } from '../../queries/attention';
import { agreementHref, demandHref, eventHref, offerHref, organizationHref, planHref, type AttentionSection } from '../../routing/useHashRoute';
import { FulfilmentOf } from '../agreements/AgreementBits';
import { Stars } from '../organization/products/CertificationList';
import { plannedFigure, targetFigure } from '../plans/PlanPage';

/**
 * Rows a section shows at a time. At national scale a section holds thousands (agreements run out
 * unfinished, demands unserved): drawn all at once they took the page seconds to appear, and the
 * most urgent, listed first, are the ones to act on today.
 */
const sectionPageSize = 10;

/** The section the page opened at: outlined, and clear of the app's header once scrolled to. */
const landedStyle = {
  borderColor: 'var(--mantine-color-orange-5)',
  scrollMarginTop: 'calc(var(--app-shell-header-height) + var(--mantine-spacing-md))',
};

interface SectionProps<Row> {
  id: string;
  /** Its address on the page, `#/can-chu-y/<section>`. */
  section: AttentionSection;
  /** The section the address opened the page at. */
  landedOn: AttentionSection | null;
  title: string;
  /** What the title leaves unsaid: how long an item stays listed. */
  hint?: string;
  empty: string;
  head: string[];
  rows: readonly Row[];
  keyOf: (row: Row) => number;
  /** The cells of one row. */
  children: (row: Row) => ReactNode;
}

function Section<Row>({ id, section, landedOn, title, hint, empty, head, rows, keyOf, children }: SectionProps<Row>) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const landed = landedOn === section;
  const paper = useRef<HTMLElement>(null);
  // Opened from a count on Tổng quan, the page starts at the items counted: the section is scrolled
  // to the top (focus alone would only bring it into view, at the bottom), the focus tells a screen
  // reader and the keyboard where the page begins, and the border shows it.
  useEffect(() => {
    if (!landed) return;
    paper.current?.scrollIntoView({ block: 'start' });
    paper.current?.focus({ preventScroll: true });
  }, [landed]);
  const pages = Math.ceil(rows.length / sectionPageSize);
  // A shorter list (fewer days asked, an item dealt with) keeps the page within it.
  const current = Math.min(page, Math.max(pages, 1));
  const first = (current - 1) * sectionPageSize;
  const shown = rows.slice(first, first + sectionPageSize);
  return (
    <Paper
      ref={paper}
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={id}
      tabIndex={landed ? -1 : undefined}
      style={landed ? landedStyle : undefined}
    >
      <Group justify="space-between" mb="sm">
        <Text fw={600} id={id}>
          {title}
        </Text>
        <Badge variant="light" color={rows.length > 0 ? 'orange' : 'teal'}>
          {formatCount(rows.length)}
        </Badge>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mt={-8} mb="sm">
          {hint}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  {head.map((cell) => (
                    <Table.Th key={cell}>{cell}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => (
                  <Table.Tr key={keyOf(row)}>{children(row)}</Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group justify="space-between" mt="sm">
              <Text size="sm" c="dimmed">
                {t('common.pagination', { from: first + 1, to: first + shown.length, total: rows.length })}
              </Text>
              <Pagination
                size="sm"
                total={pages}
                value={current}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
              />
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}

/** "Số 12/BBGN – Tên" as a link to the agreement. */
function AgreementLink({ id, number, title }: { id: number; number: string; title: string }) {
  return (
    <Anchor href={agreementHref(id)} size="sm">
      {number ? `${number} – ${title}` : title}
    </Anchor>
  );
}

function windowColor(days: number): string {
  if (days <= 0) return 'red';
  return days <= 7 ? 'orange' : 'yellow';
}

function Sections({ list, followUpDays, landedOn }: { list: AttentionList; followUpDays: number; landedOn: AttentionSection | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Section
        id="attention-expiring"
        section="sap-het-han"
        landedOn={landedOn}
        title={t('attention.expiring.title')}
        rows={list.expiringAgreements}
        keyOf={(row) => row.agreementId}
        empty={t('attention.expiring.none')}
        head={[t('attention.expiring.agreement'), t('attention.expiring.validUntil'), t('attention.expiring.left'), t('attention.expiring.fulfilment')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <AgreementLink id={row.agreementId} number={row.number} title={row.title} />
            </Table.Td>
            <Table.Td>{formatDate(row.validUntil)}</Table.Td>
            <Table.Td>
              <Badge color={windowColor(row.window)} variant="light" tt="none">
                {row.daysLeft === 0 ? t('attention.expiring.today') : t('attention.expiring.daysLeft', { n: row.daysLeft })}
              </Badge>
            </Table.Td>
            <Table.Td miw={140}>
              <FulfilmentOf value={row.fulfilment} width={70} empty="—" />
            </Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-overdue"
        section="cam-ket-qua-han"
        landedOn={landedOn}
        title={t('attention.overdue.title')}
        rows={list.overdueCommitments}
        keyOf={(row) => row.commitmentId}
        empty={t('attention.overdue.none')}
        head={[t('attention.expiring.agreement'), t('attention.overdue.product'), t('attention.overdue.progress'), t('attention.overdue.dueOn'), t('attention.overdue.late')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <AgreementLink id={row.agreementId} number={row.agreementNumber} title={row.agreementTitle} />
            </Table.Td>
            <Table.Td>{row.product}</Table.Td>
            <Table.Td>
              {`${formatQuantity(row.delivered, '')} / ${formatQuantity(row.quantity, row.unit)} — ${formatPercent(row.fulfilment)}`}
            </Table.Td>
            <Table.Td>{formatDate(row.dueOn)}</Table.Td>
            <Table.Td>
              <Text size="sm" c="red.7">
                {t('attention.overdue.daysLate', { n: row.daysOverdue })}
              </Text>
            </Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-expired"
        section="het-han-chua-hoan-thanh"
        landedOn={landedOn}
        title={t('attention.expired.title')}
        rows={list.expiredUnfinished}
        keyOf={(row) => row.agreementId}
        empty={t('attention.expired.none')}
        head={[t('attention.expiring.agreement'), t('attention.expired.validUntil'), t('attention.expired.unfinished'), t('attention.expiring.fulfilment'), t('attention.expired.last')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <AgreementLink id={row.agreementId} number={row.number} title={row.title} />
              <Text size="xs" c="orange.8">
                {t('attention.expired.badge')}
              </Text>
            </Table.Td>
            <Table.Td>
              {formatDate(row.validUntil)}
              <Text size="xs" c="dimmed">
                {t('attention.expired.daysSince', { n: row.daysSince })}
              </Text>
            </Table.Td>
            <Table.Td>{t('attention.expired.unfinishedOf', { unfinished: row.unfinished, total: row.commitments })}</Table.Td>
            <Table.Td miw={140}>
              <FulfilmentOf value={row.fulfilment} width={70} empty="—" />
            </Table.Td>
            <Table.Td>{row.lastFollowUpOn === null ? t('attention.followUp.never') : formatDate(row.lastFollowUpOn)}</Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-follow-up"
        section="chua-theo-doi"
        landedOn={landedOn}
        title={t('attention.followUp.title', { n: followUpDays })}
        rows={list.withoutFollowUp}
        keyOf={(row) => row.agreementId}
        empty={t('attention.followUp.none', { n: followUpDays })}
        head={[t('attention.expiring.agreement'), t('attention.followUp.last'), t('attention.followUp.days')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <AgreementLink id={row.agreementId} number={row.number} title={row.title} />
            </Table.Td>
            <Table.Td>{row.lastFollowUpOn === null ? t('attention.followUp.never') : formatDate(row.lastFollowUpOn)}</Table.Td>
            <Table.Td>{row.daysSince}</Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-events"
        section="su-kien"
        landedOn={landedOn}
        title={t('attention.events.title')}
        rows={list.upcomingEvents}
        keyOf={(row) => row.eventId}
        empty={t('attention.events.none')}
        head={[t('attention.events.date'), t('attention.events.event'), t('attention.events.place'), t('attention.events.participants'), t('attention.events.when')]}
      >
        {(row) => (
          <>
            <Table.Td>
              {row.startsOn === row.endsOn ? formatDate(row.startsOn) : `${formatDate(row.startsOn)} – ${formatDate(row.endsOn)}`}
            </Table.Td>
            <Table.Td>
              <Anchor href={eventHref(row.eventId)} size="sm">
                {row.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.provinceName ?? t('attention.events.online')}</Table.Td>
            <Table.Td>{row.participants}</Table.Td>
            <Table.Td>
              {row.daysUntil === 0 ? t('attention.events.ongoing') : t('attention.events.inDays', { n: row.daysUntil })}
            </Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-offers"
        section="nguon-cung"
        landedOn={landedOn}
        title={t('attention.offers.title')}
        rows={list.offersWithoutBuyer}
        keyOf={(row) => row.offerId}
        empty={t('attention.offers.none')}
        head={[t('attention.offers.offer'), t('attention.offers.quantity'), t('attention.offers.opens'), t('attention.offers.when')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <Anchor href={offerHref(row.offerId)} size="sm">
                {row.product}
              </Anchor>
              <Text size="xs" c="dimmed">
                {row.organizationName}
              </Text>
            </Table.Td>
            <Table.Td>{formatQuantity(row.quantity, row.unitName)}</Table.Td>
            <Table.Td>{formatDate(row.availableFrom)}</Table.Td>
            <Table.Td>
              <Badge color={windowColor(row.daysUntil <= 7 ? row.daysUntil : 8)} variant="light" tt="none">
                {row.daysUntil === 0 ? t('attention.offers.today') : t('attention.offers.inDays', { n: row.daysUntil })}
              </Badge>
            </Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-demands"
        section="nhu-cau"
        landedOn={landedOn}
        title={t('attention.demands.title')}
        rows={list.unservedDemands}
        keyOf={(row) => row.demandId}
        empty={t('attention.demands.none')}
        head={[t('attention.demands.demand'), t('attention.demands.missing'), t('attention.demands.needed'), t('attention.demands.when')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <Anchor href={demandHref(row.demandId)} size="sm">
                {row.product}
              </Anchor>
              <Text size="xs" c="dimmed">
                {row.buyerName}
              </Text>
            </Table.Td>
            <Table.Td>{`${formatQuantity(row.remaining, '')} / ${formatQuantity(row.quantity, row.unitName)}`}</Table.Td>
            <Table.Td>{row.neededUntil === null ? formatDate(row.neededFrom) : `${formatDate(row.neededFrom)} – ${formatDate(row.neededUntil)}`}</Table.Td>
            <Table.Td>
              <Badge color={windowColor(row.daysUntil <= 7 ? row.daysUntil : 8)} variant="light" tt="none">
                {row.daysUntil === 0 ? t('attention.demands.now') : t('attention.demands.inDays', { n: row.daysUntil })}
              </Badge>
            </Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-targets"
        section="chi-tieu"
        landedOn={landedOn}
        title={t('plans.attention.title')}
        rows={list.targetsAtRisk}
        keyOf={(row) => row.targetId}
        empty={t('plans.attention.empty')}
        head={[t('plans.column.title'), t('plans.page.target'), t('plans.page.actual'), t('plans.page.planned'), t('plans.column.period')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <Anchor href={planHref(row.planId)} size="sm">
                {row.planTitle}
              </Anchor>
            </Table.Td>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td>{row.actual === null ? '—' : targetFigure(row, t)(row.actual)}</Table.Td>
            <Table.Td>{plannedFigure(row, t)}</Table.Td>
            <Table.Td>{formatDate(row.periodTo)}</Table.Td>
          </>
        )}
      </Section>
      <Section
        id="attention-certificates"
        section="chung-nhan"
        landedOn={landedOn}
        title={t('attention.certificates.title')}
        hint={t('attention.certificates.hint')}
        rows={list.expiringCertifications}
        keyOf={(row) => row.certificationId}
        empty={t('attention.certificates.none')}
        head={[t('attention.certificates.organization'), t('attention.certificates.certificate'), t('attention.certificates.expiresOn'), t('attention.expiring.left')]}
      >
        {(row) => (
          <>
            <Table.Td>
              <Anchor href={organizationHref(row.organizationId, 'san-pham')} size="sm">
                {row.organizationName}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {row.kindName} <Stars count={row.stars} />
              {row.productName && ` · ${row.productName}`}
            </Table.Td>
            <Table.Td>{formatDate(row.expiresOn)}</Table.Td>
            <Table.Td>
              <Badge color={windowColor(row.daysLeft <= 30 ? row.daysLeft : 31)} variant="light" tt="none">
                <CertificateLeft daysLeft={row.daysLeft} expiresOn={row.expiresOn} />
              </Badge>
            </Table.Td>
          </>
        )}
      </Section>
    </>
  );
}

/** A certificate's days left, or since when it has run out: kept listed until renewed. */
export function CertificateLeft({ daysLeft, expiresOn }: { daysLeft: number; expiresOn: string }) {
  const { t } = useTranslation();
  if (daysLeft < 0) return t('attention.certificates.expiredSince', { date: formatDate(expiresOn) });
  return daysLeft === 0 ? t('attention.expiring.today') : t('attention.expiring.daysLeft', { n: daysLeft });
}

/** `section`: the one the address names, where the page opens; null opens it at the top. */
export function AttentionPage({ section = null }: { section?: AttentionSection | null }) {
  const { t } = useTranslation();
  const [typedDays, setTypedDays] = useState<NumberFieldValue>(30);
  // The last number of days the field took: while it holds something else, the lists stay as they were.
  const [followUpDays, setFollowUpDays] = useState(30);
  const [debouncedDays] = useDebouncedValue(followUpDays, 300);
  const attention = useAttention({ followUpDays: debouncedDays });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('attention.title')}</Title>
          {attention.data && (
            <Text c="dimmed" size="sm">
              {t('attention.today', { date: formatDate(attention.data.today) })}
            </Text>
          )}
        </div>
        <NumberField
          label={t('attention.followUpDays')}
          value={typedDays}
          min={1}
          max={365}
          w={220}
          onChange={(value) => {
            setTypedDays(value);
            if (typeof value === 'number') setFollowUpDays(value);
          }}
        />
      </Group>
      {attention.isError && <LoadError error={attention.error} onRetry={() => void attention.refetch()} />}
      {attention.isPending && (
        <Center mih={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {attention.data && <Sections list={attention.data} followUpDays={debouncedDays} landedOn={section} />}
    </Stack>
  );
}
