/**
 * Inline buttons under an answer and the callback data behind them. The data names a question id
 * stored in SQLite (never in-memory state), so buttons keep working after a restart, and it stays far
 * below Telegram's 64-byte limit. Anything that does not parse exactly is refused: callback data comes
 * from the client and can be forged.
 */
import { InlineKeyboard } from "grammy";

/** What a button under an answer asks for. */
export type AnswerAction =
  /** "📄 Xem nguyên văn": the cited passage with its neighbours. */
  | { kind: "original"; questionId: number }
  /** "🔎 Nguồn khác": the other passages found for the question. */
  | { kind: "others"; questionId: number }
  /** 👍 / 👎 on the answer. */
  | { kind: "feedback"; questionId: number; vote: 1 | -1 }
  /** "🆕 Câu hỏi mới" under a follow-up: forget the conversation, the next message stands alone. */
  | { kind: "newConversation"; questionId: number };

/** Telegram's limit for callback_data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

// x = original text, o = other sources, n = new conversation, f = feedback. Ids are SQLite rowids:
// positive, no leading zero.
const PATTERN = /^(?:([xon]):([1-9]\d{0,15})|f:([1-9]\d{0,15}):([+-]))$/;

/** The callback data for an action: "x:42", "o:42", "n:42", "f:42:+". */
export function encodeAction(action: AnswerAction): string {
  if (!Number.isSafeInteger(action.questionId) || action.questionId < 1) {
    throw new RangeError(`encodeAction: question ids are positive integers, got ${action.questionId}`);
  }
  switch (action.kind) {
    case "original":
      return `x:${action.questionId}`;
    case "others":
      return `o:${action.questionId}`;
    case "newConversation":
      return `n:${action.questionId}`;
    case "feedback":
      return `f:${action.questionId}:${action.vote === 1 ? "+" : "-"}`;
  }
}

/** Parses callback data made by {@link encodeAction}; null for anything else (other features' buttons, forgeries). */
export function parseAction(data: string): AnswerAction | null {
  const m = PATTERN.exec(data);
  if (!m) return null;
  const [, kind, id, feedbackId, vote] = m;
  if (kind !== undefined && id !== undefined) {
    const questionId = Number(id);
    if (!Number.isSafeInteger(questionId)) return null;
    return kind === "x" ? { kind: "original", questionId } : kind === "o" ? { kind: "others", questionId } : { kind: "newConversation", questionId };
  }
  const questionId = Number(feedbackId);
  if (!Number.isSafeInteger(questionId)) return null;
  return { kind: "feedback", questionId, vote: vote === "+" ? 1 : -1 };
}

/**
 * Buttons under an answer (or an abstention, which offers the closest passages instead of the text);
 * under a follow-up, also "🆕 Câu hỏi mới".
 */
export function answerKeyboard(questionId: number, opts: { abstained: boolean; citations: number; isFollowUp?: boolean }): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (opts.abstained) {
    if (opts.citations > 0) keyboard.text("🔎 Xem các đoạn gần nhất", encodeAction({ kind: "others", questionId })).row();
  } else {
    keyboard.text("📄 Xem nguyên văn", encodeAction({ kind: "original", questionId }));
    if (opts.citations > 1) keyboard.text("🔎 Nguồn khác", encodeAction({ kind: "others", questionId }));
    keyboard.row();
  }
  keyboard.text("👍", encodeAction({ kind: "feedback", questionId, vote: 1 })).text("👎", encodeAction({ kind: "feedback", questionId, vote: -1 }));
  if (opts.isFollowUp) keyboard.row().text("🆕 Câu hỏi mới", encodeAction({ kind: "newConversation", questionId }));
  return keyboard;
}
