/**
 * The one list of backend calls, gathered from each area's file in ./contracts. Each channel has a
 * zod schema for its input and a type for its output; the Electron IPC handler, the web host, the
 * preload allowlist and the renderer's client are all derived from this object, so a call cannot
 * exist in one place and not the others.
 */
import type { z } from 'zod';
import type { Result } from './errors';
import { appContract } from './contracts/app';
import { organizationContract } from './contracts/organizations';
import { lookupContract } from './contracts/lookups';
import { statisticsContract } from './contracts/statistics';
import { figuresContract } from './contracts/figures';
import { productsContract } from './contracts/products';
import { lifecycleContract } from './contracts/lifecycle';
import { partnersContract } from './contracts/partners';
import { eventsContract } from './contracts/events';
import { agreementsContract } from './contracts/agreements';
import { attentionContract } from './contracts/attention';
import { importsContract } from './contracts/imports';
import { reportsContract } from './contracts/reports';
import { jobsContract } from './contracts/jobs';
import { filesContract } from './contracts/files';
import { recordsContract } from './contracts/records';
import { backupsContract } from './contracts/backups';
import { supplyContract } from './contracts/supply';
import { programmesContract } from './contracts/programmes';
import { plansContract } from './contracts/plans';

export * from './contracts/app';
export * from './contracts/organizations';
export * from './contracts/lookups';
export * from './contracts/statistics';
export * from './contracts/figures';
export * from './contracts/products';
export * from './contracts/lifecycle';
export * from './contracts/partners';
export * from './contracts/events';
export * from './contracts/agreements';
export * from './contracts/attention';
export * from './contracts/imports';
export * from './contracts/reports';
export * from './contracts/jobs';
export * from './contracts/files';
export * from './contracts/records';
export * from './contracts/plans';
export * from './records';
export * from './contracts/backups';
export * from './contracts/supply';
export * from './contracts/programmes';

export const contract = {
  ...appContract,
  ...organizationContract,
  ...lookupContract,
  ...statisticsContract,
  ...figuresContract,
  ...productsContract,
  ...lifecycleContract,
  ...partnersContract,
  ...eventsContract,
  ...agreementsContract,
  ...attentionContract,
  ...importsContract,
  ...reportsContract,
  ...jobsContract,
  ...filesContract,
  ...recordsContract,
  ...backupsContract,
  ...supplyContract,
  ...programmesContract,
  ...plansContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * What the preload exposes as `window.api` and the web client implements: one typed call.
 * Failures come back as a Result rather than a rejected promise, because Electron's IPC strips
 * everything but the message from errors thrown across it.
 */
export interface Api {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /**
   * Tells the desktop shell whether a form on screen holds changes not yet saved, so that closing
   * the window or opening another data file asks first (`src/main/index.ts`).
   */
  reportUnsaved(unsaved: boolean): void;
}
