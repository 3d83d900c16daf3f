/**
 * Page addresses live in the URL's hash (`#/thanh-vien/12/lich-su`): it works the same under
 * Electron's file:// and the web host, survives a reload, keeps back/forward, and needs no router
 * package.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { confirmDiscard, hasUnsavedChanges } from '../forms/unsavedChanges';

/** Vietnamese slugs, because the addresses are visible and shared between colleagues. */
export const pages = [
  'tong-quan',
  'can-chu-y',
  'thanh-vien',
  'so-lieu-nam',
  'doi-tac',
  'su-kien',
  'thoa-thuan',
  'ke-hoach',
  'ket-noi-cung-cau',
  'nhap-excel',
  'bao-cao',
  'thung-rac',
  'cai-dat',
] as const;
export type Page = (typeof pages)[number];

/** The tabs of an organization's page, in the order they are shown. */
export const organizationTabs = ['thong-tin', 'so-lieu', 'san-pham', 'qua-trinh', 'xuc-tien', 'lich-su'] as const;
export type OrganizationTab = (typeof organizationTabs)[number];

/** The tabs of Kết nối cung – cầu, in the order they are shown. */
export const supplyTabs = ['chuong-trinh', 'nguon-cung', 'nhu-cau', 'ket-noi', 'danh-muc'] as const;
export type SupplyTab = (typeof supplyTabs)[number];

/** The sections of Cần chú ý, in the order they are shown: `#/can-chu-y/<section>` opens the page there. */
export const attentionSections = [
  'sap-het-han',
  'cam-ket-qua-han',
  'het-han-chua-hoan-thanh',
  'chua-theo-doi',
  'su-kien',
  'nguon-cung',
  'nhu-cau',
  'chi-tieu',
  'chung-nhan',
] as const;
export type AttentionSection = (typeof attentionSections)[number];

export type Route =
  | { page: Page }
  /** Kết nối cung – cầu, `#/ket-noi-cung-cau/<tab>`; its records `#/ket-noi-cung-cau/nguon-cung/<id>` … */
  | { page: 'supply'; tab: SupplyTab }
  /** Cần chú ý opened at one of its sections, `#/can-chu-y/<section>`. */
  | { page: 'attention'; section: AttentionSection }
  | { page: 'offer'; offerId: number }
  | { page: 'demand'; demandId: number }
  | { page: 'programme'; programmeId: number }
  /** One organization of the register, `#/thanh-vien/<id>/<tab>`. */
  | { page: 'to-chuc'; organizationId: number; tab: OrganizationTab }
  /** One partner, event or agreement: `#/doi-tac/<id>`, `#/su-kien/<id>`, `#/thoa-thuan/<id>`. */
  | { page: 'partner'; partnerId: number }
  | { page: 'event'; eventId: number }
  | { page: 'agreement'; agreementId: number }
  /** One plan, `#/ke-hoach/<id>`. */
  | { page: 'plan'; planId: number }
  /** Thùng rác opened on one deleted organization, `#/thung-rac/to-chuc/<id>`, to restore it. */
  | { page: 'trash'; organizationId: number };

/** Members is where the work is, so an empty or unknown address lands there. */
const defaultPage: Page = 'thanh-vien';

function isPage(value: string | undefined): value is Page {
  return pages.some((page) => page === value);
}

function isOrganizationTab(value: string | undefined): value is OrganizationTab {
  return organizationTabs.some((tab) => tab === value);
}

function idOf(segment: string | undefined): number | null {
  return segment !== undefined && /^\d+$/.test(segment) && Number(segment) > 0 ? Number(segment) : null;
}

function isSupplyTab(value: string | undefined): value is SupplyTab {
  return supplyTabs.some((tab) => tab === value);
}

function isAttentionSection(value: string | undefined): value is AttentionSection {
  return attentionSections.some((section) => section === value);
}

function supplyRoute(tab: string | undefined, id: number | null): Route {
  if (id !== null && tab === 'nguon-cung') return { page: 'offer', offerId: id };
  if (id !== null && tab === 'nhu-cau') return { page: 'demand', demandId: id };
  if (id !== null && tab === 'chuong-trinh') return { page: 'programme', programmeId: id };
  return { page: 'supply', tab: isSupplyTab(tab) ? tab : 'chuong-trinh' };
}

export function routeOf(hash: string): Route {
  const [first, second, third] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'ket-noi-cung-cau') return supplyRoute(second, idOf(third));
  if (first === 'can-chu-y' && isAttentionSection(second)) return { page: 'attention', section: second };
  const trashed = first === 'thung-rac' && second === 'to-chuc' ? idOf(third) : null;
  if (trashed !== null) return { page: 'trash', organizationId: trashed };
  const id = idOf(second);
  if (id !== null) {
    if (first === 'thanh-vien') return { page: 'to-chuc', organizationId: id, tab: isOrganizationTab(third) ? third : 'thong-tin' };
    if (first === 'doi-tac') return { page: 'partner', partnerId: id };
    if (first === 'su-kien') return { page: 'event', eventId: id };
    if (first === 'thoa-thuan') return { page: 'agreement', agreementId: id };
    if (first === 'ke-hoach') return { page: 'plan', planId: id };
  }
  return { page: isPage(first) ? first : defaultPage };
}

const listeners = new Set<() => void>();
/** The address the screen shows: the URL's, unless a move away from unsaved work is being asked about. */
let shownHash = '';
/** A move the person agreed to, which loses unsaved work on purpose. */
let agreedHash: string | null = null;
/**
 * Each entry of the history the app made or moved to carries its place in it (`step`), so that a
 * move can be told apart — a new entry (a link, `navigate`) or a walk through the history (Back,
 * Forward) — and taken back by as many steps.
 */
let shownStep = 0;
/** Set while the history walks back to the form's entry after a held move: that walk is no move. */
let returning = false;

function stepOf(state: unknown): number | undefined {
  const step = typeof state === 'object' && state !== null ? (state as { step?: unknown }).step : undefined;
  return typeof step === 'number' ? step : undefined;
}

function markEntry(step: number): void {
  window.history.replaceState({ ...(window.history.state as object | null), step }, '');
}

/**
 * A move away from a form with unsaved changes (a tab, another area, Back) is held: the history
 * goes back to the form's entry at once, as it was, and the move is made again only if the person
 * agrees to discard the changes.
 */
function onHashChange(event: HashChangeEvent): void {
  const to = new URL(event.newURL).hash;
  const step = stepOf(window.history.state);
  if (returning) {
    returning = false;
    return;
  }
  if (to !== agreedHash && hasUnsavedChanges()) {
    const steps = step === undefined ? 1 : step - shownStep;
    returning = true;
    window.history.go(-steps);
    confirmDiscard(() => {
      agreedHash = to;
      if (step === undefined) window.location.hash = to;
      else window.history.go(steps);
    });
    return;
  }
  agreedHash = null;
  shownStep = step ?? shownStep + 1;
  if (step === undefined) markEntry(shownStep);
  shownHash = window.location.hash;
  listeners.forEach((listener) => listener());
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    shownHash = window.location.hash;
    shownStep = stepOf(window.history.state) ?? 0;
    markEntry(shownStep);
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

/** Before the first page subscribes, the URL is all there is to show. */
function snapshot(): string {
  return listeners.size === 0 ? window.location.hash : shownHash;
}

export function useHashRoute(): Route {
  // The hash is the snapshot (a string, so React can compare it); the route is derived from it.
  const hash = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => routeOf(hash), [hash]);
}

export function hrefOf(page: Page): string {
  return `#/${page}`;
}

export function organizationHref(id: number, tab: OrganizationTab = 'thong-tin'): string {
  return tab === 'thong-tin' ? `#/thanh-vien/${id}` : `#/thanh-vien/${id}/${tab}`;
}

/** Sets the hash, which adds a step to the history, so Back returns to where the user was. */
export function navigate(page: Page): void {
  window.location.hash = `/${page}`;
}

/** Thùng rác showing one deleted organization with its «Khôi phục». */
export function trashedOrganizationHref(id: number): string {
  return `#/thung-rac/to-chuc/${id}`;
}

export function partnerHref(id: number): string {
  return `#/doi-tac/${id}`;
}

export function eventHref(id: number): string {
  return `#/su-kien/${id}`;
}

export function planHref(id: number): string {
  return `#/ke-hoach/${id}`;
}

export function agreementHref(id: number): string {
  return `#/thoa-thuan/${id}`;
}

export function openOrganization(id: number, tab: OrganizationTab = 'thong-tin'): void {
  window.location.hash = organizationHref(id, tab).slice(1);
}

export function attentionHref(section: AttentionSection): string {
  return `#/can-chu-y/${section}`;
}

export function supplyHref(tab: SupplyTab = 'chuong-trinh'): string {
  return `#/ket-noi-cung-cau/${tab}`;
}

export function offerHref(id: number): string {
  return `#/ket-noi-cung-cau/nguon-cung/${id}`;
}

export function demandHref(id: number): string {
  return `#/ket-noi-cung-cau/nhu-cau/${id}`;
}

export function programmeHref(id: number): string {
  return `#/ket-noi-cung-cau/chuong-trinh/${id}`;
}
