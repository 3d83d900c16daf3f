/**
 * jsdom lacks a few browser APIs that Mantine uses; they are stubbed here. Each test then starts
 * from a clean page: no fake api, no address, no remembered language.
 */
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, vi } from 'vitest';
import '../../src/renderer/src/i18n';

// A findBy waits up to 10 s, not 1: on a busy 2-core machine rendering a whole page can take longer.
configure({ asyncUtilTimeout: 10_000 });

// Like a browser, an empty query matches (mantine-datatable asks it for columns that are always shown).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: query.trim() === '',
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

// App fetches Tổng quan's code when the window is idle; jsdom has no idle callbacks, a timer serves.
window.requestIdleCallback = (callback) => window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }));
window.cancelIdleCallback = (handle) => window.clearTimeout(handle);

// Mantine's autosizing Textarea listens for web fonts loading; jsdom has no `document.fonts`.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

// Combobox keeps the highlighted option in view.
Element.prototype.scrollIntoView = () => undefined;

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(async () => {
  cleanup();
  delete window.api;
  window.location.hash = '';
  localStorage.clear();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('vi');
});
