/**
 * Deleting a record from its own page, the same way for organizations, partners, events and
 * agreements: a confirmation, then back to the list with a notice that offers to undo (restore
 * it) for a few seconds; Thùng rác keeps it for later.
 */
import { Anchor, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api';
import { navigate, type Page } from '../routing/useHashRoute';

interface Deletion {
  /** The confirmation's title and question, and the notices after deleting and restoring. */
  messages: { title: string; question: string; deleted: string; restored: string };
  remove: () => Promise<unknown>;
  restore: () => Promise<{ id: number }>;
  /** The list the page belongs to, shown once the record is gone: an area, or an address within one. */
  list: Page | { href: string };
  hrefOf: (id: number) => string;
}

/** Returns what the Xóa button calls. */
export function useConfirmedDeletion({ messages, remove, restore, list, hrefOf }: Deletion): () => void {
  const { t } = useTranslation();
  const failed = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });

  const undo = async () => {
    try {
      const restored = await restore();
      notifications.show({ color: 'teal', message: messages.restored });
      window.location.hash = hrefOf(restored.id).slice(1);
    } catch (error) {
      failed(error);
    }
  };

  const removeNow = async () => {
    try {
      await remove();
      if (typeof list === 'string') navigate(list);
      else window.location.hash = list.href.slice(1);
      notifications.show({
        color: 'teal',
        autoClose: 10_000,
        message: (
          <Group gap="xs">
            <Text size="sm">{messages.deleted}</Text>
            <Anchor size="sm" component="button" onClick={() => void undo()}>
              {t('common.undo')}
            </Anchor>
          </Group>
        ),
      });
    } catch (error) {
      failed(error);
    }
  };

  return () =>
    modals.openConfirmModal({
      title: messages.title,
      children: <Text size="sm">{messages.question}</Text>,
      labels: { confirm: t('common.moveToTrash'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeNow(),
    });
}
