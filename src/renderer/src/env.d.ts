/**
 * What the Electron preload adds to the page. tsconfig.web.json loads no ambient `types`, so it is
 * declared here.
 */
import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the preload; absent when the app is served to a browser by the web host. */
    api?: Api;
  }
}
