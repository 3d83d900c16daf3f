/**
 * What the forms show about duplicates (see forms/duplicateCheck.ts): the records that what is
 * being typed may already be, and a save the backend refused as a duplicate.
 */
import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaveConflict } from '../forms/duplicateCheck';

interface PossibleDuplicate {
  id: number;
  name: string;
}

interface PossibleDuplicatesProps<T extends PossibleDuplicate> {
  title: string;
  candidates: readonly T[];
  /** Where the record is and why it may be the same one, e.g. "(Xã Mỹ Hiệp) — cùng mã số HTX". */
  describe: (candidate: T) => string;
  hrefOf: (id: number) => string;
}

/** Records each linked by its name, with what tells it apart after it in grey. */
function RecordLinks({ records, hrefOf, mt }: { records: readonly { id: number; name: string; note: string }[]; hrefOf: (id: number) => string; mt?: string }) {
  return (
    <List size="sm" spacing={4} mt={mt}>
      {records.map((record) => (
        <List.Item key={record.id}>
          <Anchor href={hrefOf(record.id)} size="sm">
            {record.name}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            {record.note}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Shown while typing, nothing when there is no candidate. */
export function PossibleDuplicates<T extends PossibleDuplicate>({ title, candidates, describe, hrefOf }: PossibleDuplicatesProps<T>) {
  if (candidates.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title={title}>
      <RecordLinks records={candidates.map((candidate) => ({ id: candidate.id, name: candidate.name, note: describe(candidate) }))} hrefOf={hrefOf} />
    </Alert>
  );
}

interface SaveConflictNoticeProps {
  conflict: SaveConflict;
  /** The labels of the link to the existing record: when the save cannot be confirmed, and when it can. */
  openLabels: { refused: string; confirmable: string };
  hrefOf: (id: number) => string;
  saving: boolean;
  onSaveAnyway: () => void;
}

/**
 * The backend's message; «Vẫn lưu» only where the person may confirm (a taken Mã số HTX cannot be
 * saved). Several similar records are each linked with what tells them apart (their address, Mã
 * số HTX, status; a signing day…), for the person to look at every one they confirm; a single one,
 * which the message names, is opened by the button.
 */
export function SaveConflictNotice({ conflict, openLabels, hrefOf, saving, onSaveAnyway }: SaveConflictNoticeProps) {
  const { t } = useTranslation();
  const similar = conflict.similar ?? [];
  const several = similar.length > 1;
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} role="alert">
      <Text size="sm">{conflict.message}</Text>
      {several && (
        <RecordLinks records={similar.map((record) => ({ id: record.id, name: record.name, note: `(${record.detail})` }))} hrefOf={hrefOf} mt="xs" />
      )}
      <Group mt="sm" gap="sm">
        {conflict.confirmable && (
          <Button size="xs" color="orange" loading={saving} onClick={onSaveAnyway}>
            {t('common.saveAnyway')}
          </Button>
        )}
        {conflict.existingId !== undefined && !several && (
          <Button size="xs" variant="light" color="orange" component="a" href={hrefOf(conflict.existingId)}>
            {conflict.confirmable ? openLabels.confirmable : openLabels.refused}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
