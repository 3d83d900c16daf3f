/** The end of every form: the error that belongs to no single field, then Hủy and the save button. */
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormFooterProps {
  error: string | null;
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
}

export function FormFooter({ error, submitLabel, saving, onCancel }: FormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
