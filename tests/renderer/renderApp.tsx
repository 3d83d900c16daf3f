/** Renders the whole renderer as main.tsx does, with Mantine's test environment and a fresh cache. */
/// <reference types="vite/types/importMeta.d.ts" />
import { render } from '@testing-library/react';
import { App } from '../../src/renderer/src/App';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';

// App loads a page's code the first time the page opens. Here every page is loaded with this file,
// so that a test's findBy waits for the page's data, not for its code to be compiled.
import.meta.glob('../../src/renderer/src/pages/**/*.tsx', { eager: true });

export function renderApp(hash = '') {
  window.location.hash = hash;
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <App />
    </AppProviders>,
  );
}
