/**
 * A stand-in for Telegram's `parse_mode: "HTML"` parser, so tests can tell whether the bot's output
 * would be accepted before it ever reaches Telegram.
 *
 * It follows tdlib's `parse_html` (td/telegram/MessageEntity.cpp): the same tags, the same attribute
 * rules and the same error texts ("Unsupported start tag \"br\" at byte offset 0", …). It is stricter
 * than Telegram in one way, on purpose: an `&` that does not start `&lt;` `&gt;` `&amp;` `&quot;`
 * `&#N;` or `&#xN;` (with its `;`) is an error, because the Bot API documentation requires every
 * such `&` to be escaped and tdlib only tolerates it by accident.
 */
import type { MessageEntity } from "grammy/types";

/** Telegram's limit for a text message, counted in UTF-16 code units after entity parsing. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Telegram's limit for a media caption, counted the same way as {@link TELEGRAM_MESSAGE_LIMIT}. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Why some HTML would be refused: it does not parse, or the text it yields is too long. */
export type TelegramHtmlFailure = "parse" | "too_long";

/** The outcome of {@link validateTelegramHtml}. */
export type TelegramHtmlResult =
  | { ok: true; text: string; entities: MessageEntity[] }
  | { ok: false; error: string; reason: TelegramHtmlFailure };

/** Options for {@link validateTelegramHtml}. */
export interface TelegramHtmlOptions {
  /** Longest accepted text in UTF-16 code units; default {@link TELEGRAM_MESSAGE_LIMIT}. */
  maxLength?: number;
}

const SUPPORTED_TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
  "span", "tg-spoiler", "tg-emoji", "code", "pre", "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const SURROGATE_ERROR =
  "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units";

/**
 * Parses `html` the way Telegram does for `parse_mode: "HTML"`.
 *
 * On success returns the plain text the user will see and its entities (offsets in UTF-16 code
 * units). On failure `error` is Telegram's description without the "Bad Request: " prefix, e.g.
 * `can't parse entities: Can't find end tag corresponding to start tag "b"` or `message is too long`
 * (a caller checking a caption says "message caption is too long" instead, as Telegram does).
 */
export function validateTelegramHtml(html: string, options: TelegramHtmlOptions = {}): TelegramHtmlResult {
  const maxLength = options.maxLength ?? TELEGRAM_MESSAGE_LIMIT;
  let parsed: { text: string; entities: MessageEntity[] };
  try {
    parsed = parseHtml(html);
  } catch (err) {
    if (err instanceof HtmlParseError) {
      return { ok: false, error: `can't parse entities: ${err.message}`, reason: "parse" };
    }
    throw err;
  }
  // JavaScript strings are UTF-16, so `.length` is exactly Telegram's unit of count.
  if (parsed.text.length > maxLength) {
    return { ok: false, error: "message is too long", reason: "too_long" };
  }
  return { ok: true, ...parsed };
}

/** Escapes text for Telegram HTML: the three characters the parser treats specially. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

class HtmlParseError extends Error {}

interface OpenTag {
  name: string;
  argument: string;
  /** Where the tag opened in the output text; also how a link without href recovers its text. */
  utf16Offset: number;
}

/** tdlib's `is_space`; the end of the input counts as space there too (it is a NUL byte). */
function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\v" || ch === "\f";
}

function isNameTokenChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9.-]/.test(ch);
}

function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  const byteOffset = (index: number): number => Buffer.byteLength(html.slice(0, index), "utf8");
  let text = "";
  const entities = new EntityList();
  const open: OpenTag[] = [];

  for (let i = 0; i < html.length; i++) {
    const ch = html[i];
    if (ch === "&") {
      const decoded = decodeEntity(html, i);
      if (decoded === undefined) throw bareAmpersand(byteOffset(i));
      text += decoded.char;
      i = decoded.end - 1;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      continue;
    }

    const begin = i;
    if (html[i + 1] !== "/") {
      const tag = parseStartTag(html, begin, byteOffset);
      open.push({ name: tag.name, argument: tag.argument, utf16Offset: text.length });
      i = tag.end;
      continue;
    }

    const top = open.pop();
    if (top === undefined) throw new HtmlParseError(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    let j = begin + 2;
    while (!isSpace(html[j]) && html[j] !== ">") j++;
    const endName = html.slice(begin + 2, j).toLowerCase();
    while (j < html.length && isSpace(html[j])) j++;
    if (html[j] !== ">") throw new HtmlParseError(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    if (endName !== "" && endName !== top.name) {
      throw new HtmlParseError(
        `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.name}>", found "</${endName}>"`,
      );
    }
    entities.close(top, text);
    i = j;
  }

  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new HtmlParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  }
  if (/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))) {
    throw new HtmlParseError(SURROGATE_ERROR);
  }
  return { text, entities: entities.sorted() };
}

function bareAmpersand(byteOffset: number): HtmlParseError {
  return new HtmlParseError(`Character "&" at byte offset ${byteOffset} does not start an HTML entity; escape it as "&amp;"`);
}

/** Parses `<name attr=value …>` starting at `begin` (the `<`); `end` is the index of its `>`. */
function parseStartTag(
  html: string,
  begin: number,
  byteOffset: (index: number) => number,
): { name: string; argument: string; end: number } {
  let i = begin + 1;
  while (!isSpace(html[i]) && html[i] !== ">") i++;
  if (i >= html.length) throw new HtmlParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
  const name = html.slice(begin + 1, i).toLowerCase();
  if (!SUPPORTED_TAGS.has(name)) {
    throw new HtmlParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
  }

  let argument = "";
  while (html[i] !== ">") {
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] === ">") break;
    if (i >= html.length) throw new HtmlParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
    const attributeBegin = i;
    while (!isSpace(html[i]) && html[i] !== "=" && html[i] !== ">") i++;
    const attribute = html.slice(attributeBegin, i);
    if (attribute === "") {
      throw new HtmlParseError(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
    }
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] !== "=") {
      // A value-less attribute: only <blockquote expandable> means anything.
      if (i >= html.length) throw new HtmlParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
      if (name === "blockquote" && attribute === "expandable") argument = "1";
      continue;
    }
    i++;
    while (i < html.length && isSpace(html[i])) i++;
    if (i >= html.length) throw new HtmlParseError(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);

    let value = "";
    const quote = html[i];
    if (quote !== '"' && quote !== "'") {
      const tokenBegin = i;
      while (isNameTokenChar(html[i])) i++;
      if (!isSpace(html[i]) && html[i] !== ">") {
        throw new HtmlParseError(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
      }
      value = html.slice(tokenBegin, i).toLowerCase();
    } else {
      i++;
      while (i < html.length && html[i] !== quote) {
        if (html[i] === "&") {
          const decoded = decodeEntity(html, i);
          if (decoded === undefined) throw bareAmpersand(byteOffset(i));
          value += decoded.char;
          i = decoded.end;
          continue;
        }
        value += html[i];
        i++;
      }
      if (html[i] === quote) i++;
    }
    if (i >= html.length) throw new HtmlParseError(`Unclosed start tag at byte offset ${byteOffset(begin)}`);

    if (name === "a" && attribute === "href") argument = value;
    else if (name === "code" && attribute === "class" && value.startsWith("language-")) argument = value.slice(9);
    else if (name === "span" && attribute === "class" && value.startsWith("tg-")) argument = value.slice(3);
    else if (name === "tg-emoji" && attribute === "emoji-id") argument = value;
    else if (name === "blockquote" && attribute === "expandable") argument = "1";
  }

  if (name === "span" && argument !== "spoiler") {
    throw new HtmlParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
  }
  if (name === "tg-emoji" && !isPositiveInt64(argument)) {
    throw new HtmlParseError("Invalid custom emoji identifier specified");
  }
  return { name, argument, end: i };
}

function isPositiveInt64(value: string): boolean {
  if (!/^\d{1,19}$/.test(value)) return false;
  const n = BigInt(value);
  return n > 0n && n < 2n ** 63n;
}

/** Decodes the character reference at `start` (an `&`); `end` is the index just past its `;`. */
function decodeEntity(html: string, start: number): { char: string; end: number } | undefined {
  const match = /^&(?:([a-z]+)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(start, start + 12));
  if (match === null) return undefined;
  const [whole, name, decimal, hex] = match;
  const end = start + whole.length;
  if (name !== undefined) {
    const char = NAMED_ENTITIES[name];
    return char === undefined ? undefined : { char, end };
  }
  const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? "", 16);
  if (codePoint === 0 || codePoint >= 0x10ffff) return undefined;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) throw new HtmlParseError(SURROGATE_ERROR);
  return { char: String.fromCodePoint(codePoint), end };
}

/** The entities found so far, in the order their end tags were met. */
class EntityList {
  private readonly entities: MessageEntity[] = [];
  /** The language of the last closed <code class="language-x">, which only an enclosing <pre> uses. */
  private lastCode: { entity: MessageEntity; language: string } | undefined;

  close(tag: OpenTag, text: string): void {
    const offset = tag.utf16Offset;
    const length = text.length - offset;
    if (length <= 0) return;
    const entity = this.entityFor(tag, offset, length, text);
    this.entities.push(entity);
    this.lastCode = tag.name === "code" && tag.argument !== "" ? { entity, language: tag.argument } : undefined;
  }

  sorted(): MessageEntity[] {
    return [...this.entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  }

  private entityFor(tag: OpenTag, offset: number, length: number, text: string): MessageEntity {
    switch (tag.name) {
      case "b":
      case "strong":
        return { type: "bold", offset, length };
      case "i":
      case "em":
        return { type: "italic", offset, length };
      case "u":
      case "ins":
        return { type: "underline", offset, length };
      case "s":
      case "strike":
      case "del":
        return { type: "strikethrough", offset, length };
      case "span":
      case "tg-spoiler":
        return { type: "spoiler", offset, length };
      case "blockquote":
        return { type: tag.argument === "1" ? "expandable_blockquote" : "blockquote", offset, length };
      case "tg-emoji":
        return { type: "custom_emoji", offset, length, custom_emoji_id: tag.argument };
      case "a":
        return { type: "text_link", offset, length, url: tag.argument !== "" ? tag.argument : text.slice(offset) };
      case "pre": {
        const inner = this.lastCode;
        if (inner !== undefined && this.entities.at(-1) === inner.entity && inner.entity.offset === offset && inner.entity.length === length) {
          this.entities.pop();
          return { type: "pre", offset, length, language: inner.language };
        }
        return { type: "pre", offset, length };
      }
      default:
        return { type: "code", offset, length };
    }
  }
}
