/**
 * The host's end: the Electron main process and the web host's HTTP thread start the core in a
 * process or thread of their own through this, and hand it every call of the contract. A core that
 * dies (a crash, memory exhausted by a hostile file) fails the calls it owed with a Vietnamese
 * message and is started again on the same data file; opening another file first waits for or
 * cancels the running jobs.
 */
import { UNEXPECTED_MESSAGE, type AppError, type Result } from '../../shared/errors';
import type { JobsOnClose } from '../jobs';
import { Peer, type Link } from './peer';
import { NOT_OPEN_MESSAGE, type CoreMethods, type CoreOpenOptions, type HostMethods, type OpenedCore } from './protocol';

/** A core started in a worker thread or a utility process. */
export interface CoreProcess {
  link: Link;
  /** Called once, when the process or thread has ended, with what is known of why. */
  onExit(listener: (reason: string) => void): void;
  /** Ends it at once. */
  kill(): void;
}

/** The core ended while questions to it were waiting. */
class CoreGone extends Error {}

interface Running {
  process: CoreProcess;
  peer: Peer<HostMethods, CoreMethods>;
  options: CoreOpenOptions;
  /** Settles once the core has opened its data file. */
  opened: Promise<OpenedCore>;
  /** Ended on purpose: its exit is no crash. */
  ending: boolean;
  /** Started again should it die: once its data file has been opened (a first opening that fails is said to the caller). */
  restartable: boolean;
  exited: Promise<void>;
}

/** More crashes than this within a minute, and the core is not started again. */
const MAX_RESTARTS_PER_MINUTE = 3;

const CRASHED =
  'Phần xử lý dữ liệu của HTX Desk vừa dừng đột ngột và đang được khởi động lại. Thao tác vừa rồi có thể chưa được lưu: hãy kiểm tra lại rồi thử lại. Những gì đã lưu trước đó không bị ảnh hưởng.';
const GAVE_UP =
  'Phần xử lý dữ liệu của HTX Desk đã dừng đột ngột nhiều lần liền nên không được khởi động lại nữa. Hãy đóng rồi mở lại HTX Desk; nếu vẫn lỗi, hãy báo cho người quản trị.';

function failure(message: string): Result<unknown> {
  const error: AppError = { kind: 'internal', message };
  return { ok: false, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function notReopened(error: unknown): string {
  return `Phần xử lý dữ liệu của HTX Desk đã dừng đột ngột và không mở lại được tệp dữ liệu: ${messageOf(error)}`;
}

export class CoreHost {
  private running: Running | null = null;
  /** A switch to another data file under way: calls made between the two files wait for it. */
  private switching: Promise<unknown> | null = null;
  /** Why no core answers, once restarting has been given up. */
  private stopped: string | null = null;
  private crashes: number[] = [];

  constructor(
    private readonly spawn: () => CoreProcess,
    private readonly host: HostMethods,
    private readonly log: (error: unknown) => void = console.error,
  ) {}

  /** Starts a core on a data file; fails with the reason, written for the person, when it cannot open it. */
  async open(options: CoreOpenOptions): Promise<OpenedCore> {
    if (this.running) throw new Error('A core is running already; close it first.');
    const running = this.start(options, false);
    try {
      const opened = await running.opened;
      running.restartable = true;
      this.stopped = null;
      return opened;
    } catch (error) {
      await this.end(running);
      const message =
        error instanceof CoreGone
          ? `Phần xử lý dữ liệu của HTX Desk dừng đột ngột khi đang mở tệp dữ liệu (${error.message}). Hãy thử lại; nếu vẫn lỗi, hãy báo cho người quản trị.`
          : messageOf(error);
      throw new Error(message, { cause: error });
    }
  }

  /** One call of the contract, answered by the core; never throws. */
  async dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (!this.running && this.switching) await this.switching.catch(() => undefined);
    const running = this.running;
    if (!running) return failure(this.stopped ?? NOT_OPEN_MESSAGE);
    try {
      // A core started again after a crash opens its data file before it answers.
      await running.opened;
    } catch (error) {
      return failure(error instanceof CoreGone ? CRASHED : notReopened(error));
    }
    try {
      return await running.peer.ask('call', channel, input);
    } catch (error) {
      if (error instanceof CoreGone) return failure(CRASHED);
      this.log(error);
      return failure(UNEXPECTED_MESSAGE);
    }
  }

  /** How many jobs (imports, exports) the core is running now. */
  async runningJobs(): Promise<number> {
    const running = this.running;
    if (!running) return 0;
    try {
      await running.opened;
      return await running.peer.ask('runningJobs');
    } catch {
      return 0;
    }
  }

  /**
   * Closes the data file: running jobs cancelled or waited for (calls, such as the window asking
   * for their progress, are answered meanwhile), the database closed, then the core ended.
   */
  async close(jobs: JobsOnClose): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.ending = true;
    try {
      await running.opened;
      await running.peer.ask('close', jobs);
    } catch (error) {
      // A core that could not close cleanly is ended all the same: SQLite's journal keeps the file whole.
      if (!(error instanceof CoreGone)) this.log(error);
    }
    await this.end(running);
  }

  /**
   * Closes the current data file (its running jobs as asked) and opens another. When the other
   * cannot be opened, the current one is opened again and this fails with why.
   */
  async reopen(options: CoreOpenOptions, jobs: JobsOnClose): Promise<OpenedCore> {
    const previous = this.running?.options ?? null;
    const switching = (async () => {
      await this.close(jobs);
      try {
        return await this.open(options);
      } catch (error) {
        if (previous) await this.open(previous).catch((again: unknown) => this.log(again));
        throw error;
      }
    })();
    this.switching = switching;
    try {
      return await switching;
    } finally {
      if (this.switching === switching) this.switching = null;
    }
  }

  private start(options: CoreOpenOptions, restartable: boolean): Running {
    const process = this.spawn();
    const peer = new Peer<HostMethods, CoreMethods>(process.link, this.host, this.log);
    let exited!: () => void;
    const running: Running = {
      process,
      peer,
      options,
      opened: peer.ask('open', options),
      ending: false,
      restartable,
      exited: new Promise((resolve) => (exited = resolve)),
    };
    // Observed here so that an opening nobody waits for (after a crash) is no unhandled rejection.
    running.opened.catch(() => undefined);
    process.onExit((reason) => {
      exited();
      peer.abandon(new CoreGone(reason));
      if (this.running === running) this.running = null;
      if (!running.ending && running.restartable) this.restart(running, reason);
    });
    this.running = running;
    return running;
  }

  private restart(crashed: Running, reason: string): void {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < 60_000), now];
    if (this.crashes.length > MAX_RESTARTS_PER_MINUTE) {
      this.log(new Error(`The core stopped (${reason}) too often; it is not started again.`));
      this.stopped = GAVE_UP;
      return;
    }
    this.log(new Error(`The core stopped (${reason}); it is started again on the same data file.`));
    const again = this.start(crashed.options, true);
    again.opened.catch((error: unknown) => {
      // One that dies while opening is a crash like any other, seen (and counted) when it exits.
      if (error instanceof CoreGone) return;
      this.log(error);
      this.stopped = notReopened(error);
      void this.end(again);
    });
  }

  private async end(running: Running): Promise<void> {
    running.ending = true;
    if (this.running === running) this.running = null;
    running.process.kill();
    await running.exited;
  }
}
