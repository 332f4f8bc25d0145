/**
 * Hot reload: polls the index folder's CURRENT file every RELOAD_POLL_MS and, when `npm run ingest`
 * (or an upload) has made another generation current, loads it and swaps it into the engine. Questions
 * in flight finish on the generation they started with (QaEngine pins it), so a swap never fails one.
 * A generation that does not load is logged once and retried with backoff, while the old one serves.
 *
 * Used by main.ts at the edge; features see only `DocumentIngest.reload()`.
 */
import { currentGeneration } from "../index/store.js";
import type { QaEngine } from "../qa/engine.js";
import type { ReloadResult } from "../bot/deps.js";
import { errorFields, type Logger } from "../bot/logger.js";

/** Options of {@link IndexReloader}. */
export interface IndexReloaderOptions {
  engine: QaEngine;
  indexDir: string;
  /** How often CURRENT is read, in ms. */
  pollMs: number;
  logger: Logger;
}

/** Longest wait before retrying a generation that failed to load, in ms. */
const MAX_RETRY_MS = 60_000;

export class IndexReloader {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private polling: Promise<void> | undefined;
  private readonly failures = new Map<string, { attempts: number; retryAt: number }>();

  constructor(private readonly opts: IndexReloaderOptions) {}

  /** Starts polling. The timer does not keep the process alive on its own. */
  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, this.opts.pollMs);
    this.timer.unref();
    return this;
  }

  /** Stops polling and waits for a load in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
    await this.chain.catch(() => undefined);
  }

  /**
   * Loads the generation CURRENT names if it is not the one served. Calls are serialised, so an older
   * generation can never be swapped in after a newer one. Throws when the index cannot be loaded.
   */
  reloadNow(): Promise<ReloadResult> {
    const next = this.chain.catch(() => undefined).then(async () => {
      const before = this.opts.engine.index.generation;
      const swapped = await this.opts.engine.reloadIfChanged(this.opts.indexDir);
      const generation = this.opts.engine.index.generation;
      if (swapped) {
        this.failures.clear();
        this.opts.logger.info("index reloaded", { from: before, to: generation, passages: this.opts.engine.index.passages.length });
      }
      return { swapped, generation };
    });
    this.chain = next;
    return next;
  }

  /** One poll: cheap when nothing changed (one small file read). */
  private async poll(): Promise<void> {
    let name: string | null;
    try {
      name = await currentGeneration(this.opts.indexDir);
    } catch {
      return;
    }
    if (name === null || name === this.opts.engine.index.generation) return;
    const failed = this.failures.get(name);
    if (failed && Date.now() < failed.retryAt) return;
    try {
      await this.reloadNow();
    } catch (err) {
      const attempts = (failed?.attempts ?? 0) + 1;
      this.failures.set(name, { attempts, retryAt: Date.now() + Math.min(MAX_RETRY_MS, this.opts.pollMs * 2 ** attempts) });
      if (attempts === 1) {
        this.opts.logger.warn("new index generation failed to load; still serving the previous one", {
          generation: name,
          serving: this.opts.engine.index.generation,
          ...errorFields(err),
        });
      }
    }
  }
}
