/**
 * Page addresses live in the URL's hash (`#/thanh-vien`): it works the same under Electron's
 * file:// and the web host, survives a reload, and needs no router package.
 */
import { useSyncExternalStore } from 'react';

/** Vietnamese slugs, because the addresses are visible and shared between colleagues. */
export const routes = ['tong-quan', 'thanh-vien', 'su-kien', 'thoa-thuan', 'ket-noi-cung-cau', 'bao-cao', 'cai-dat'] as const;
export type Route = (typeof routes)[number];

/** Members is where the work is, so an empty or unknown address lands there. */
const defaultRoute: Route = 'thanh-vien';

function routeOf(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  return routes.find((route) => route === path) ?? defaultRoute;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  window.location.hash = `/${route}`;
}
