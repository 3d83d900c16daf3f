/**
 * The end of every form: what the save said (a refusal that belongs to no single field, a
 * duplicate to confirm), then Hủy and the save button. It stays at the bottom of the dialog or the
 * screen while the form scrolls, so that on the office laptop's 768 px the save button and its
 * answer are always in view, even in a form longer than the screen. Every form goes through its
 * footer, so the footer is where a form's unsaved changes are guarded (see `unsavedChanges`).
 */
import type { ReactNode } from 'react';
import { Alert, Box, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmDiscard, useUnsavedChanges } from '../forms/unsavedChanges';

interface FormFooterProps {
  error: string | null;
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
  /**
   * The form holds changes not yet saved (`form.isDirty()`): Hủy, closing its dialog and leaving
   * the page ask before throwing them away.
   */
  dirty?: boolean;
  /** A notice about the save shown with it, such as a duplicate to confirm. */
  children?: ReactNode;
}

export function FormFooter({ error, submitLabel, saving, onCancel, dirty = false, children }: FormFooterProps) {
  const { t } = useTranslation();
  // Once a save is on its way the work is in the backend's hands: the form may close or move on.
  const unsaved = dirty && !saving;
  useUnsavedChanges(unsaved);
  return (
    <Box
      pos="sticky"
      bottom={0}
      py="sm"
      bg="var(--mantine-color-body)"
      // Above the inputs it passes over as the form scrolls (their sections have z-index 1).
      style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap="sm">
        {children}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => (unsaved ? confirmDiscard(onCancel) : onCancel())}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={saving}
            // The field being typed in keeps the focus until the click: its leaving would say its
            // own problem first («1.250 người» không phải một số), push this button down before the
            // mouse is released, and so lose the click, the form's other problems said only at the
            // next save. Each field takes what is typed as it is typed; nothing waits for the blur.
            onMouseDown={(event) => event.preventDefault()}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
