/**
 * Long polling: the queue of updates waiting for the bot, getUpdates with its offset, limit, timeout and
 * allowed_updates, and Telegram's 409 when a newer poll supersedes a waiting one. Updates queued
 * together are delivered in one batch.
 */
import type { Update } from "grammy/types";
import { delay } from "./http.js";
import type { TelegramState } from "./state.js";
import type { ApiParams, UpdateWith } from "./types.js";
import { TelegramError, readInt } from "./validation.js";

/** Update kinds Telegram leaves out unless `allowed_updates` names them. */
const OPT_IN_UPDATES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);
/** How long a superseded poll waits to see whether its client went away before answering 409, in ms. */
const SUPERSEDED_POLL_GRACE_MS = 100;

export class UpdateQueue {
  private queue: Update[] = [];
  private allowedUpdates: string[] = [];
  private nextUpdateId = 1000;
  private pollGeneration = 0;
  private readonly pollWakers = new Set<() => void>();
  private wakeScheduled = false;

  /** `shutdown` aborts when the emulator closes: waiting polls then answer with no updates. */
  constructor(
    private readonly state: TelegramState,
    private readonly shutdown: AbortSignal,
  ) {}

  /** Updates queued and not yet confirmed by the bot through getUpdates' `offset`. */
  pending(): readonly Update[] {
    return [...this.queue];
  }

  /** How many updates are queued. */
  get size(): number {
    return this.queue.length;
  }

  /** Drops every queued update (deleteWebhook with drop_pending_updates). */
  dropPending(): void {
    this.queue = [];
  }

  /** getUpdates: confirms updates before `offset`, waits up to `timeout` seconds for one, answers what is deliverable. */
  async getUpdates(params: ApiParams, signal: AbortSignal): Promise<Update[]> {
    if (this.state.webhookUrl !== "") {
      throw new TelegramError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = readInt(params, "offset") ?? 0;
    const limit = Math.min(100, Math.max(1, readInt(params, "limit") ?? 100));
    const timeoutS = Math.max(0, readInt(params, "timeout") ?? 0);
    const allowed = params.allowed_updates;
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.filter((u): u is string => typeof u === "string");

    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    // Telegram ends an older waiting getUpdates with a 409 when a newer one arrives.
    const generation = ++this.pollGeneration;
    this.wakePolls();
    if (this.deliverable().length === 0 && timeoutS > 0 && !this.shutdown.aborted) {
      await this.sleepUntilUpdates(timeoutS * 1000, signal);
    }
    if (this.shutdown.aborted) return [];
    if (generation !== this.pollGeneration) {
      // grammY's bot.stop() aborts its poll and at once sends a confirming getUpdates, which can
      // arrive before the aborted socket's close; wait briefly so that case is not called a conflict.
      await delay(SUPERSEDED_POLL_GRACE_MS, signal);
      if (!signal.aborted) {
        throw new TelegramError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      }
    }
    return this.deliverable().slice(0, limit);
  }

  /** The queue without updates of kinds the bot did not ask for (Telegram never makes those). */
  private deliverable(): Update[] {
    const wanted = (u: Update): boolean => {
      const kind = Object.keys(u).find((k) => k !== "update_id") ?? "";
      return this.allowedUpdates.length === 0 ? !OPT_IN_UPDATES.has(kind) : this.allowedUpdates.includes(kind);
    };
    this.queue = this.queue.filter(wanted);
    return this.queue;
  }

  private sleepUntilUpdates(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.pollWakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener("abort", done);
      this.pollWakers.add(done);
    });
  }

  /** Ends every waiting long poll (it answers what is queued). */
  wakePolls(): void {
    for (const wake of [...this.pollWakers]) wake();
  }

  /** Queues an update of kind `kind`; `update_id` is filled in. */
  enqueue<K extends keyof Update>(kind: K, payload: NonNullable<Update[K]>): UpdateWith<K> {
    const update: Update = { update_id: this.nextUpdateId++ };
    update[kind] = payload;
    this.push(update);
    // TypeScript cannot see that assigning `update[kind]` makes the field present.
    return update as UpdateWith<K>;
  }

  private push(update: Update): void {
    this.queue.push(update);
    // Wake waiting polls on the next turn, so updates queued together arrive in one batch.
    if (!this.wakeScheduled && !this.shutdown.aborted) {
      this.wakeScheduled = true;
      setImmediate(() => {
        this.wakeScheduled = false;
        this.wakePolls();
      });
    }
  }

  /** Queues any other update; `update_id` is filled in. */
  enqueueUpdate(update: Omit<Update, "update_id">): Update {
    const full: Update = { ...update, update_id: this.nextUpdateId++ };
    this.push(full);
    return full;
  }
}
