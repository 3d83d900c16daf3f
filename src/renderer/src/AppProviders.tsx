/** Everything the screens rely on being above them: theme, notifications, modals, server state. */
import { useMemo, type ReactNode } from 'react';
import { MantineProvider, mergeThemeOverrides, Modal, Notification } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { theme } from './theme';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The backend is local: a failure will not heal by itself, so show it at once.
        retry: false,
        // Only this window writes the data, and every write invalidates what it changed.
        refetchOnWindowFocus: false,
      },
    },
  });
}

interface AppProvidersProps {
  queryClient: QueryClient;
  /** Mantine's 'test' environment turns off transitions and portals, for jsdom. */
  env?: 'default' | 'test';
  children: ReactNode;
}

export function AppProviders({ queryClient, env = 'default', children }: AppProvidersProps) {
  const { t } = useTranslation();
  // Close buttons show only an ×; screen readers and tests find them by this name, in the UI's language.
  const localizedTheme = useMemo(() => {
    const closeButtonProps = { 'aria-label': t('common.close') };
    return mergeThemeOverrides(theme, {
      components: {
        Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      },
    });
  }, [t]);
  return (
    <MantineProvider theme={localizedTheme} env={env}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>{children}</ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
