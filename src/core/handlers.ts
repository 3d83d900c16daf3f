/**
 * The handler table: one function per channel of the contract, and the dispatcher that every
 * transport (Electron IPC, the web host, tests) goes through. Inputs are validated here, once.
 */
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from '../shared/contract';
import { AppFailure, UNEXPECTED_MESSAGE, type AppError, type Result } from '../shared/errors';
import type { Context } from './context';
import { appHandlers } from './services/alliance';
import { organizationHandlers } from './services/organizations';
import { lookupHandlers } from './services/lookups';
import { statisticsHandlers } from './services/statistics';
import { figuresHandlers } from './services/figures';
import { productsHandlers } from './services/products';
import { lifecycleHandlers } from './services/lifecycle';
import { partnersHandlers } from './services/partners';
import { eventsHandlers } from './services/events';
import { agreementsHandlers } from './services/agreements';
import { attentionHandlers } from './services/attention';
import { importsHandlers } from './services/imports';
import { reportsHandlers } from './services/reports';
import { filesHandlers } from './files';
import { jobsHandlers } from './services/jobs';
import { historyHandlers } from './services/history';
import { backupsHandlers } from './services/backups';
import { busyFailure } from './longTransaction';
import { explainDatabaseError } from './db/health';

type Handlers = {
  [C in Channel]: (ctx: Context, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

/** One handler per channel of the contract, gathered from each area's service. */
export const handlers: Handlers = {
  ...appHandlers,
  ...organizationHandlers,
  ...lookupHandlers,
  ...statisticsHandlers,
  ...figuresHandlers,
  ...productsHandlers,
  ...lifecycleHandlers,
  ...partnersHandlers,
  ...eventsHandlers,
  ...agreementsHandlers,
  ...attentionHandlers,
  ...importsHandlers,
  ...reportsHandlers,
  ...jobsHandlers,
  ...filesHandlers,
  ...historyHandlers,
  ...backupsHandlers,
};

export interface DispatchOptions {
  /** Where unexpected failures are reported; their details never reach the screen. */
  log?: (error: unknown) => void;
}

export async function dispatch(
  ctx: Context,
  channel: unknown,
  rawInput: unknown,
  { log = console.error }: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { kind: 'notFound', message: `HTX Desk không có chức năng «${String(channel)}».` } };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const error: AppError = { kind: 'validation', message: issues.map((issue) => issue.message).join('; '), issues };
    return { ok: false, error };
  }
  try {
    const handler = handlers[channel] as (ctx: Context, input: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    const busy = busyFailure(error);
    if (busy) return { ok: false, error: busy.error };
    log(error);
    const said = explainDatabaseError(ctx, error);
    if (said) return { ok: false, error: said.error };
    return { ok: false, error: { kind: 'internal', message: UNEXPECTED_MESSAGE } };
  }
}
