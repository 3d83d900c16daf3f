/**
 * One end of the conversation between a host (the Electron main process, the web host's HTTP
 * thread) and the core running in a process or thread of its own. Either end asks the other by
 * method name and gets exactly one answer per question, matched by a request id; a method that
 * throws answers with its message. The link under it is whatever carries structured-cloned
 * messages: a worker_threads port, Electron's utilityProcess and its `process.parentPort`.
 */

/** Carries messages to the other end and hands over those that arrive from it. */
export interface Link {
  send(message: unknown): void;
  onMessage(receive: (message: unknown) => void): void;
}

/** What one end answers: each method takes cloneable arguments and returns a cloneable value. */
// `never[]` so that methods of any parameters fit; callers get the real types through `Parameters`.
export type Methods = Record<string, (...args: never[]) => unknown>;

interface Ask {
  type: 'ask';
  id: number;
  method: string;
  args: unknown[];
}

type Answer = { type: 'answer'; id: number; ok: true; value: unknown } | { type: 'answer'; id: number; ok: false; message: string };

/** The other end's method failed; `message` is what it threw. */
export class RemoteFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteFailure';
  }
}

function isAsk(message: unknown): message is Ask {
  const ask = message as Partial<Ask> | null;
  return (
    typeof ask === 'object' && ask !== null && ask.type === 'ask' && typeof ask.id === 'number' && typeof ask.method === 'string' && Array.isArray(ask.args)
  );
}

function isAnswer(message: unknown): message is Answer {
  const answer = message as Partial<Answer> | null;
  return typeof answer === 'object' && answer !== null && answer.type === 'answer' && typeof answer.id === 'number' && typeof answer.ok === 'boolean';
}

export class Peer<Local extends Methods, Remote extends Methods> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly link: Link,
    private readonly local: Local,
    private readonly log: (error: unknown) => void = console.error,
  ) {
    link.onMessage((message) => this.receive(message));
  }

  /** Asks the other end; settles with its answer, or fails when it fails or is gone (`abandon`). */
  ask<K extends keyof Remote & string>(method: K, ...args: Parameters<Remote[K]>): Promise<Awaited<ReturnType<Remote[K]>>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.link.send({ type: 'ask', id, method, args } satisfies Ask);
      } catch (error) {
        this.waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** The other end has gone: every question still waiting fails with `error`. */
  abandon(error: Error): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of waiting) reject(error);
  }

  private receive(message: unknown): void {
    if (isAnswer(message)) {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new RemoteFailure(message.message));
    } else if (isAsk(message)) {
      void this.answer(message);
    } else {
      this.log(new Error(`Unknown message between the host and the core: ${JSON.stringify(message)}`));
    }
  }

  private async answer({ id, method, args }: Ask): Promise<void> {
    let answer: Answer;
    try {
      if (!Object.hasOwn(this.local, method)) throw new Error(`Unknown method: ${method}`);
      const handler = this.local[method] as (...args: unknown[]) => unknown;
      answer = { type: 'answer', id, ok: true, value: await handler(...args) };
    } catch (error) {
      answer = { type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      this.link.send(answer);
    } catch (error) {
      // A value that cannot be cloned: the asker must still get an answer, or it would wait forever.
      this.log(error);
      this.link.send({ type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Answer);
    }
  }
}
