/** Everything the screens rely on being above them: theme, notifications, modals, server state. */
import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
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
  return (
    <MantineProvider theme={theme} env={env}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>{children}</ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
