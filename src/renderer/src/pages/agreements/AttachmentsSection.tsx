/**
 * Tệp đính kèm: scans of the signed papers. Uploaded in chunks and moved by the backend into the
 * data folder. The desktop app opens a file with the system's viewer; in a browser a PDF or an
 * image opens in a new tab, and anything else is downloaded.
 */
import { useState } from 'react';
import { ActionIcon, Button, FileButton, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attachmentMediaTypes, type AgreementAttachment, type AgreementDetail } from '../../../../shared/contract';
import { formatDate, formatFileSize } from '../../../../shared/format';
import { call, messageOf } from '../../api';
import { readWhole, saveFile, uploadFile } from '../../files';
import { useAddAttachment, useRemoveAttachment } from '../../queries/agreements';

const accepted = Object.keys(attachmentMediaTypes)
  .map((extension) => `.${extension}`)
  .join(',');

/** What a browser tab shows by itself; the rest is downloaded. */
function viewableInBrowser(mediaType: string): boolean {
  return mediaType === 'application/pdf' || (mediaType.startsWith('image/') && mediaType !== 'image/tiff' && mediaType !== 'image/heic');
}

function readAttachment(attachment: AgreementAttachment): Promise<File> {
  return readWhole((offset) => call('agreements:readAttachment', { attachmentId: attachment.id, offset }));
}

export function AttachmentsSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const add = useAddAttachment();
  const remove = useRemoveAttachment();
  const [progress, setProgress] = useState<number | null>(null);
  const fail = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });

  const attach = async (file: File | null) => {
    if (!file) return;
    setProgress(0);
    try {
      const fileId = await uploadFile(file, setProgress);
      const attachment = await add.mutateAsync({ agreementId: agreement.id, fileId });
      notifications.show({ color: 'teal', message: t('agreements.attachments.added', { name: attachment.fileName }) });
    } catch (error) {
      fail(error);
    } finally {
      setProgress(null);
    }
  };

  const open = async (attachment: AgreementAttachment) => {
    try {
      const { opened } = await call('agreements:openAttachment', { attachmentId: attachment.id });
      if (opened) return;
      const file = await readAttachment(attachment);
      if (!viewableInBrowser(attachment.mediaType)) {
        saveFile(file);
        return;
      }
      const url = URL.createObjectURL(new Blob([file], { type: attachment.mediaType }));
      window.open(url, '_blank', 'noopener');
      // The new tab has loaded the blob by then; the address is not needed afterwards.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      fail(error);
    }
  };

  const download = async (attachment: AgreementAttachment) => {
    try {
      saveFile(await readAttachment(attachment));
    } catch (error) {
      fail(error);
    }
  };

  const confirmRemove = (attachment: AgreementAttachment) =>
    modals.openConfirmModal({
      title: t('agreements.attachments.removeTitle'),
      children: <Text size="sm">{t('agreements.attachments.removeConfirm', { name: attachment.fileName })}</Text>,
      labels: { confirm: t('agreements.profile.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove.mutateAsync({ id: attachment.id }).catch(fail);
      },
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('agreements.attachments.title')}</Title>
          <FileButton onChange={(file) => void attach(file)} accept={accepted}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={progress !== null}>
                {t('agreements.attachments.add')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('agreements.attachments.hint')}
        </Text>
        {progress !== null && <Progress value={progress * 100} aria-label={t('agreements.attachments.uploading')} />}
        {agreement.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.attachments.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {agreement.attachments.map((attachment) => (
              <Group key={attachment.id} justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" component="button" type="button" onClick={() => void open(attachment)} c="blue" style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', textAlign: 'left' }}>
                    {attachment.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatFileSize(attachment.size)} · {formatDate(attachment.addedAt)}
                  </Text>
                </div>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('agreements.attachments.open', { name: attachment.fileName })} onClick={() => void open(attachment)}>
                    <IconExternalLink size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={t('agreements.attachments.download', { name: attachment.fileName })} onClick={() => void download(attachment)}>
                    <IconDownload size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('agreements.attachments.remove', { name: attachment.fileName })} onClick={() => confirmRemove(attachment)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
