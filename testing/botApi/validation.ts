/**
 * Telegram's limits and refusals: what a request must look like for the Bot API to accept it, with its
 * status codes and descriptions. Parameters are read as Telegram reads them (JSON gives numbers, forms
 * give strings; it takes both); HTML is parsed exactly (telegramHtml.ts).
 */
import type { BotCommand, InlineKeyboardMarkup, Message, MessageEntity } from "grammy/types";
import { validateTelegramHtml } from "../telegramHtml.js";
import type { ApiParams } from "./types.js";

/** Telegram's size limits of callback data, polls and getFile. */
export const CALLBACK_DATA_MAX_BYTES = 64;
export const POLL_QUESTION_MAX = 300;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 10;
export const POLL_OPTION_MAX = 100;
export const POLL_EXPLANATION_MAX = 200;
export const GET_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** The actions sendChatAction takes. */
export const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

/** Fields of which an inline button must have one. */
export const INLINE_BUTTON_ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
];

/** A refusal, answered as `{ ok: false, error_code, description, parameters? }`. */
export class TelegramError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after: number },
  ) {
    super(description);
  }
}

export function badRequest(what: string): TelegramError {
  return new TelegramError(400, `Bad Request: ${what}`);
}

// ─── Parameter readers (JSON gives numbers, forms give strings; Telegram takes both) ─────────────

export function readInt(params: ApiParams, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw badRequest(`invalid ${key} specified`);
  return n;
}

export function readString(params: ApiParams, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`invalid ${key} specified`);
}

export function readBool(params: ApiParams, key: string): boolean | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  return value === true || value === "true" || value === 1 || value === "1";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a text and its formatting. HTML is parsed exactly (see telegramHtml.ts); Markdown modes are
 * accepted unchecked. Length checks are left to the caller, which knows its limit's wording.
 */
export function formatText(
  p: ApiParams,
  textKey: string,
  parseModeKey: string,
  entitiesKey: string,
): { text: string; entities: MessageEntity[] } {
  const raw = readString(p, textKey) ?? "";
  const given = Array.isArray(p[entitiesKey]) ? (p[entitiesKey] as MessageEntity[]) : [];
  const parseMode = (readString(p, parseModeKey) ?? "").toLowerCase();
  if (parseMode === "") return { text: raw, entities: given };
  if (parseMode === "markdown" || parseMode === "markdownv2") return { text: raw, entities: [] };
  if (parseMode !== "html") throw badRequest(`unsupported parse_mode "${readString(p, parseModeKey) ?? ""}"`);
  const parsed = validateTelegramHtml(raw, { maxLength: Number.POSITIVE_INFINITY });
  if (!parsed.ok) throw badRequest(parsed.error);
  return { text: parsed.text, entities: parsed.entities };
}

/**
 * Checks a reply_markup and returns what Telegram echoes back in the Message: inline keyboards
 * only. `inlineOnly` is for edits, where only an inline keyboard may be given.
 */
export function checkReplyMarkup(markup: unknown, inlineOnly: boolean): InlineKeyboardMarkup | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in markup)) {
    if (inlineOnly) throw badRequest("inline keyboard expected");
    return undefined;
  }
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardMarkup must be an Array of Arrays");
  }
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      if (!isRecord(button) || typeof button.text !== "string") {
        throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
      }
      if (!INLINE_BUTTON_ACTIONS.some((action) => button[action] !== undefined)) {
        throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      }
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data === "" || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES)) {
        throw badRequest("BUTTON_DATA_INVALID");
      }
      if (button.url !== undefined && (typeof button.url !== "string" || !/^(https?|tg):\/\/\S+$/.test(button.url))) {
        throw badRequest("BUTTON_URL_INVALID");
      }
    }
  }
  const nonEmpty = rows.filter((row: unknown[]) => row.length > 0);
  return nonEmpty.length === 0 ? undefined : (markup as unknown as InlineKeyboardMarkup);
}

export function sameContent(a: Message, b: Message): boolean {
  const content = (m: Message): string =>
    JSON.stringify([m.text, m.entities ?? [], m.reply_markup ?? null, m.poll?.is_closed ?? null]);
  return content(a) === content(b);
}

export function checkCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest("too many commands specified");
  return raw.map((c: unknown) => {
    if (!isRecord(c) || typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    if (typeof c.description !== "string" || c.description.trim() === "" || c.description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command: c.command, description: c.description };
  });
}

export function commandsKey(p: ApiParams): string {
  return `${JSON.stringify(p.scope ?? { type: "default" })}|${readString(p, "language_code") ?? ""}`;
}
