/**
 * Lịch sử thay đổi: what changed and when, newest first. Register fields read as
 * "label: before → after" with values written as the screens write them; changes recorded by other
 * parts of the app (yearly figures, products, certifications, lifecycle events) read as one line
 * that says what happened.
 */
import { Paper } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldChange, OrganizationDetail, OrganizationHistoryEntry } from '../../../../shared/contract';
import { classifications, lifecycleEventKinds, organizationKinds, organizationStatuses } from '../../../../shared/domain';
import { formatDate, formatMoney } from '../../../../shared/format';
import { ChangeHistory } from '../../components/ChangeHistory';
import { useOrganizationHistory } from '../../queries';
import { figureFields } from '../../../../shared/contract';

const dateFields = new Set(['foundedOn', 'memberSince', 'memberUntil', 'endedOn', 'date', 'issuedOn', 'expiresOn']);
const moneyFields = new Set(['charterCapital', 'revenue', 'profit', 'averageIncome', 'totalAssets']);


const numbers = new Intl.NumberFormat('vi-VN');

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of a change: objects may come as they are or as JSON text. */
function structured(value: unknown): Fields | null {
  if (isRecord(value)) return value;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function formatValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('register.history.empty_value');
  if (typeof value === 'boolean') return value ? t('register.yes') : t('register.no');
  if (typeof value === 'number') return moneyFields.has(field) ? formatMoney(value) : numbers.format(value);
  if (typeof value === 'string') {
    if (dateFields.has(field)) return formatDate(value) || value;
    if (field === 'kind' && organizationKinds.some((kind) => kind === value)) return t(`organization.kind.${value as 'htx'}`);
    if (field === 'status' && organizationStatuses.some((status) => status === value)) return t(`organization.status.${value as 'active'}`);
    if (field === 'classification' && classifications.some((item) => item === value)) return t(`figures.classification.${value as 'good'}`);
    return value;
  }
  return JSON.stringify(value);
}

/** What the change did to a thing that came or went as a whole: added, removed or changed. */
function verb(t: TFunction, before: Fields | null, after: Fields | null, what: string): string {
  if (!before && after) return t('register.history.added', { what });
  if (before && !after) return t('register.history.removed', { what });
  return t('register.history.changed', { what });
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** One change as a line a person reads. */
function describeChange(t: TFunction, change: FieldChange): string {
  const before = structured(change.before);
  const after = structured(change.after);
  switch (change.field) {
    case 'figures': {
      const values = after ?? before ?? {};
      const year = text(values.year);
      const parts = figureFields
        .filter((field) => field in values)
        .map(
          (field) =>
            `${t(`figures.field.${field}`)} ${formatValue(t, field, before?.[field])} → ${formatValue(t, field, after?.[field])}`,
        );
      const title = year ? t('register.history.figures', { year }) : t('register.history.figuresNoYear');
      return parts.length ? `${title}: ${parts.join('; ')}` : title;
    }
    case 'product': {
      const item = after ?? before;
      return `${verb(t, before, after, t('register.history.product').toLowerCase())}: ${text(item?.name)}`;
    }
    case 'certification': {
      const item = after ?? before;
      const stars = typeof item?.stars === 'number' ? ` ${item.stars}★` : '';
      const number = text(item?.number);
      const name = `${text(item?.kindName) || text(item?.kindCode)}${stars}${number ? ` (${number})` : ''}`;
      return `${verb(t, before, after, t('register.history.certification').toLowerCase())}: ${name}`;
    }
    case 'lifecycle': {
      const item = after ?? before;
      const kind = text(item?.kind);
      const kindName = lifecycleEventKinds.some((value) => value === kind) ? t(`figures.lifecycle.kind.${kind as 'founding'}`) : kind;
      const details = [kindName, formatDate(text(item?.date)), item?.decisionNo ? t('register.history.decision', { number: text(item.decisionNo) }) : '']
        .filter(Boolean)
        .join(', ');
      return `${t('register.history.lifecycle')}: ${verb(t, before, after, details)}`;
    }
    default:
      return `${change.label || change.field}: ${formatValue(t, change.field, change.before)} → ${formatValue(t, change.field, change.after)}`;
  }
}

/** An update that changed nothing shown still says so; a create or delete needs no detail. */
function linesOf(t: TFunction, entry: OrganizationHistoryEntry): string[] {
  if (entry.changes.length === 0) return entry.action === 'update' ? [t('register.history.noDetail')] : [];
  return entry.changes.map((change) => describeChange(t, change));
}

export function HistoryTab({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const history = useOrganizationHistory(organization.id);
  return (
    <Paper withBorder p="md">
      <ChangeHistory
        history={history}
        empty={t('register.history.empty')}
        actionLabel={(action) => t(`register.history.action.${action}`)}
        lines={(entry) => linesOf(t, entry)}
      />
    </Paper>
  );
}
