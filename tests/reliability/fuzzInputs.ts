/**
 * Deterministic generators of hostile input for the fuzz tests: a seeded PRNG and families of text a
 * user (or a tampered client) can send — Unicode from every plane, NFD and stacked combining marks,
 * invisible and control characters, 100 KB messages, HTML and Markdown, emoji sequences, words that
 * are also JavaScript property names, command-looking text and forged callback data.
 *
 * Pure: the same seed gives the same inputs on every machine, so a failure names the seed and the
 * input index that reproduce it.
 */

/** mulberry32: tiny, fast, and good enough to spread inputs; not for anything secret. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Rng.pick: empty list");
    return item;
  }
}

/** The bot's username in the emulator (mentions in group messages). */
export const BOT_USERNAME = "tro_ly_test_bot";

const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f"];
const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const CONTROL = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  "\u007f",
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)),
  "\u2028",
  "\u2029",
  "\u0085",
];
const SPACES = [" ", "\t", "\n", "\r\n", "\u00a0", "\u2000", "\u2003", "\u2009", "\u202f", "\u205f", "\u3000", "\u1680", "\u000b", "\u000c"];
const COMBINING = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u0338", "\u20dd", "\u0489", "\u1dc0"];
const EMOJI = [
  "😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇻🇳", "1️⃣", "#️⃣", "❤️", "🫠", "🧑🏿‍🚀", "👩🏻‍❤️‍💋‍👨🏼", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "☺︎", "🔥", "📄", "🔎", "✅", "🤷",
];
const MARKUP = [
  "<b>", "</b>", "<i>x</i>", "</blockquote>", "<blockquote>", "<blockquote expandable>", "<pre><code class=\"language-js\">",
  "<a href=\"javascript:alert(1)\">x</a>", "<a href='tg://user?id=1'>", "<script>alert(1)</script>", "<tg-spoiler>", "<span class=\"tg-spoiler\">",
  "<tg-emoji emoji-id=\"1\">", "<br>", "<br/>", "<!-- x -->", "<![CDATA[x]]>", "<", ">", "&", "&amp;", "&lt;", "&#0;", "&#xD800;", "&#x110000;",
  "&nbsp;", "&#128512;", "&quot;", "&", "*bold*", "_italic_", "__underline__", "~strike~", "||spoiler||", "`code`", "```js\nx\n```",
  "[link](http://example.com)", "![img](x.png)", "\\*", "# heading", "> quote", "- item", "1. item", "| a | b |",
];
/** Words that are also properties of every JavaScript object: a Map-as-object lookup would find them. */
const PROTOTYPE_WORDS = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf", "__defineGetter__", "isPrototypeOf", "length", "NaN", "Infinity", "undefined", "null", "-0", "1e309"];
const SCRIPTS = ["مرحبا بالعالم", "שלום עולם", "你好世界党支部", "こんにちは", "안녕하세요", "Привет, партия", "नमस्ते", "สวัสดี", "ሰላም", "ꦲꦏ꧀ꦱꦫ", "Ελληνικά", "𐌰𐌱𐌲"];

/** A code point from any plane; never a surrogate (those are made on purpose by {@link loneSurrogate}). */
export function anyCodePoint(rng: Rng): string {
  const roll = rng.next();
  const plane = roll < 0.5 ? 0 : roll < 0.7 ? 1 : roll < 0.8 ? rng.int(2, 3) : roll < 0.85 ? rng.int(4, 13) : roll < 0.9 ? 14 : rng.int(15, 16);
  let cp = plane * 0x10000 + rng.int(0, 0xffff);
  if (cp >= 0xd800 && cp <= 0xdfff) cp -= 0x800;
  return String.fromCodePoint(cp);
}

/** One unpaired UTF-16 surrogate (a high one without its low half, or the reverse). */
export function loneSurrogate(rng: Rng): string {
  return String.fromCharCode(rng.chance(0.5) ? rng.int(0xd800, 0xdbff) : rng.int(0xdc00, 0xdfff));
}

function sprinkle(rng: Rng, text: string, pool: readonly string[], count: number): string {
  const chars = Array.from(text);
  for (let i = 0; i < count; i++) chars.splice(rng.int(0, chars.length), 0, rng.pick(pool));
  return chars.join("");
}

function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length);
}

/** A family of generated text, named so a failure says which family produced it. */
export interface TextFamily {
  name: string;
  make: (rng: Rng, questions: readonly string[]) => string;
}

/** Every family of question text; commands are separate ({@link commandText}). */
export const TEXT_FAMILIES: readonly TextFamily[] = [
  {
    name: "unicode from every plane",
    make: (rng) => Array.from({ length: rng.int(1, 64) }, () => anyCodePoint(rng)).join(""),
  },
  {
    name: "lone surrogates",
    make: (rng, qs) => sprinkle(rng, rng.chance(0.5) ? rng.pick(qs) : "", [loneSurrogate(rng), loneSurrogate(rng)], rng.int(1, 4)),
  },
  {
    name: "NFD and stacked combining marks",
    make: (rng, qs) => {
      const q = rng.pick(qs).normalize("NFD");
      if (rng.chance(0.6)) return q;
      return sprinkle(rng, q, COMBINING, rng.int(1, 40)) + rng.pick(["a", "đ", "ư"]) + Array.from({ length: rng.int(1, 300) }, () => rng.pick(COMBINING)).join("");
    },
  },
  {
    name: "zero-width, bidi and control characters",
    make: (rng, qs) => {
      const pool = [...ZERO_WIDTH, ...BIDI, ...CONTROL];
      if (rng.chance(0.2)) return Array.from({ length: rng.int(1, 30) }, () => rng.pick(pool)).join("");
      return sprinkle(rng, rng.pick(qs), pool, rng.int(1, 25));
    },
  },
  {
    name: "whitespace only",
    make: (rng) => Array.from({ length: rng.int(1, 40) }, () => rng.pick([...SPACES, ...ZERO_WIDTH])).join(""),
  },
  {
    name: "long and 100 KB messages",
    make: (rng, qs) => {
      const length = rng.pick([499, 500, 501, 4096, 4097, 20_000, 100_000, 102_400]);
      const unit = rng.pick([`${rng.pick(qs)} `, "chi bộ ", "a", "😀", "<b>&amp;", anyCodePoint(rng), "\u0301", "đảng viên. "]);
      return repeatTo(unit, length);
    },
  },
  {
    name: "HTML and Markdown",
    make: (rng, qs) => {
      const parts = Array.from({ length: rng.int(1, 12) }, () => rng.pick(MARKUP));
      if (rng.chance(0.6)) parts.splice(rng.int(0, parts.length), 0, rng.pick(qs));
      return parts.join(rng.pick(["", " ", "\n"]));
    },
  },
  {
    name: "emoji",
    make: (rng, qs) => {
      const emoji = Array.from({ length: rng.int(1, 20) }, () => rng.pick(EMOJI)).join(rng.pick(["", " "]));
      return rng.chance(0.5) ? `${emoji} ${rng.pick(qs)} ${rng.pick(EMOJI)}` : emoji;
    },
  },
  {
    name: "JavaScript property names",
    make: (rng, qs) => {
      const words = Array.from({ length: rng.int(1, 6) }, () => rng.pick(PROTOTYPE_WORDS)).join(" ");
      return rng.chance(0.5) ? words : `${rng.pick(qs)} ${words}`;
    },
  },
  {
    name: "mutated real questions",
    make: (rng, qs) => {
      let q = rng.pick(qs);
      if (rng.chance(0.4)) q = stripDiacritics(q);
      if (rng.chance(0.3)) q = q.toUpperCase();
      if (rng.chance(0.3)) q = q.slice(0, rng.int(0, q.length));
      if (rng.chance(0.4)) q = sprinkle(rng, q, ["?", ".", ",", "!", "…", "/", "-", "68/152", "0", "%"], rng.int(1, 6));
      return q;
    },
  },
  {
    name: "other scripts",
    make: (rng, qs) => `${rng.pick(SCRIPTS)} ${rng.chance(0.5) ? rng.pick(qs) : rng.pick(SCRIPTS)}`,
  },
];

/** Text that looks like a command: known commands with junk, other bots' commands, near-misses. */
export function commandText(rng: Rng, questions: readonly string[]): string {
  const junk = (): string => (rng.chance(0.5) ? rng.pick(TEXT_FAMILIES).make(rng, questions) : rng.pick(questions));
  const short = (): string => {
    const j = junk();
    return j.length > 600 && rng.chance(0.7) ? j.slice(0, 300) : j;
  };
  const name = rng.pick(["hoi", "start", "help", "nguon", "reload", "stats", "quiz", "ketqua", "bangxephang", "dungquiz", "HOI", "Hoi", "x", "unknown_command", "a".repeat(64), "đảng", "hỏi", ""]);
  const target = rng.pick(["", "", `@${BOT_USERNAME}`, "@otherbot", "@OtherBot_bot", "@", `@${BOT_USERNAME.toUpperCase()}`]);
  switch (rng.int(0, 8)) {
    case 8:
      return `/${rng.pick(["quiz", "ketqua", "bangxephang", "dungquiz"])} ${rng.pick(["", "5", "0", "-1", "21", "999999999999999999999", "1e3", "3 chi bộ", "2 <b>&", "x".repeat(150), short()])}`;
    case 0:
      return `/hoi ${short()}`;
    case 1:
      return `/start@otherbot ${rng.chance(0.5) ? short() : ""}`;
    case 2:
      return `/nguon ${Array.from({ length: rng.int(1, 5) }, () => rng.pick(["x", "y", "z", "1", "<b>", "&"])).join(" ")}`;
    case 3:
      return `/${name}${target}${rng.pick(["", " ", "\n", "\t"])}${rng.chance(0.6) ? short() : ""}`;
    case 4:
      return `${rng.pick(["", " ", "\u200b", "\n"])}/${name}${target} ${short()}`;
    case 5:
      return rng.pick(["/", "//", "/ ", "/@", `/@${BOT_USERNAME}`, "/hoi@", "/start ", "/hoi\n\n", "/\u0000", "/😀", "/hoi/hoi"]);
    case 6:
      return `/hoi ${repeatTo(rng.pick(questions), rng.pick([500, 501, 4000, 100_000]))}`;
    default:
      return `/start ${rng.pick(["", "payload", "a".repeat(64), "<b>", "x y z"])}`;
  }
}

/** Any text a user might send: mostly question-like families, a fifth of it command-looking. */
export function anyText(rng: Rng, questions: readonly string[]): string {
  return rng.chance(0.2) ? commandText(rng, questions) : rng.pick(TEXT_FAMILIES).make(rng, questions);
}

/** A first name for /start: anything Telegram allows in a name (1–64 characters, no lone surrogates). */
export function firstName(rng: Rng): string {
  const name = rng.pick([
    () => Array.from({ length: rng.int(1, 20) }, () => anyCodePoint(rng)).join(""),
    () => rng.pick(MARKUP) + rng.pick(MARKUP),
    () => Array.from({ length: rng.int(1, 8) }, () => rng.pick(EMOJI)).join(""),
    () => sprinkle(rng, "Nguyễn Văn A", [...ZERO_WIDTH, ...BIDI], rng.int(1, 6)),
    () => rng.pick(PROTOTYPE_WORDS),
  ])();
  return Array.from(name).slice(0, 64).join("") || "A";
}

/**
 * Callback data a tampered client could send (at most 64 bytes, as Telegram allows): the bot's own
 * formats with wrong, huge, negative or foreign ids, near-misses, and random bytes.
 */
export function callbackData(rng: Rng, knownQuestionIds: readonly number[]): string {
  const id = (): string =>
    rng.pick([
      () => String(knownQuestionIds.length > 0 ? rng.pick(knownQuestionIds) : 1),
      () => String(rng.int(1, 1_000_000)),
      () => rng.pick(["0", "-1", "01", " 1", "1 ", "1.5", "1e3", "9007199254740993", "9".repeat(16), "9".repeat(40), "NaN", "0x10", "١٢", "１"]),
    ])();
  const data = rng.pick([
    () => `x:${id()}`,
    () => `o:${id()}`,
    () => `f:${id()}:${rng.pick(["+", "-", "*", "", "++", "+1"])}`,
    () => `${rng.pick(["x", "o", "f", "X", "q", "quiz", "x:", ""])}:${id()}${rng.pick(["", ":", "::", ":+", "\n", "\u0000"])}`,
    () => Array.from({ length: rng.int(1, 40) }, () => anyCodePoint(rng)).join(""),
    () => rng.pick(["", " ", "__proto__", "constructor", "x:__proto__", "f:1:+;DROP TABLE questions", "x:1' OR '1'='1", "o:1/../../etc", "%00", "{}", "[]", "null"]),
  ])();
  // Telegram carries at most 64 bytes of callback data; cut at a code point boundary.
  let cut = "";
  for (const ch of data) {
    if (Buffer.byteLength(cut + ch, "utf8") > 64) break;
    cut += ch;
  }
  return cut;
}

/** True when `text` holds a UTF-16 surrogate without its other half (text Telegram would refuse). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
