/** Renders the whole renderer as main.tsx does, with Mantine's test environment and a fresh cache. */
import { render } from '@testing-library/react';
import { App } from '../../src/renderer/src/App';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';

export function renderApp(hash = '') {
  window.location.hash = hash;
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <App />
    </AppProviders>,
  );
}
