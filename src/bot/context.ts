/**
 * The bot's context type: grammY's Context plus per-update state the features fill in and the update
 * log reads (what happened to this update). Features import `BotContext` and nothing global.
 */
import { Context } from "grammy";

/**
 * What became of an update, one word in the update log:
 * answered / abstained (a question), command, button (an inline button), uploaded (an admin document),
 * scored (a quiz poll answer that counted),
 * hint (a non-text or unknown input got a hint), refused (access denied), rate_limited,
 * invalid (forged or stale callback data), ignored (not addressed to the bot), error.
 */
export type Outcome =
  | "answered"
  | "abstained"
  | "command"
  | "button"
  | "uploaded"
  | "scored"
  | "hint"
  | "refused"
  | "rate_limited"
  | "invalid"
  | "ignored"
  | "error";

/** Mutable state of one update, for logging. */
export interface UpdateState {
  outcome: Outcome;
  /** The question or command text, logged only at LOG_LEVEL=debug. */
  text?: string;
}

/** Context of every update the bot handles. */
export class BotContext extends Context {
  readonly state: UpdateState = { outcome: "ignored" };
}
