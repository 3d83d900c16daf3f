import type { z } from 'zod';
import type { Context } from './context';

/** The handlers of one area's contract: one function per channel, given the parsed input. */
export type HandlersFor<T extends Record<string, { input: z.ZodType; output: unknown }>> = {
  [K in keyof T]: (ctx: Context, input: z.output<T[K]['input']>) => T[K]['output'] | Promise<T[K]['output']>;
};
