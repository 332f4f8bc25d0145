/**
 * Numbers as Vietnamese documents write them, found in running text: counts ("1.357" with a dot for
 * thousands), decimals with a comma ("1,3"), fractions ("68/152"), percentages ("1,3%"), dates
 * ("17-11-2009"), document codes ("35-HD/BTCTW") and number words ("mười tám"). Each can be re-written in
 * the same style with another value, which is how distractors look like the answer.
 */
import { NUMBER_WORDS } from "../text/vietnamese.js";

/** The shape of a number in the text. */
export type NumberShape = "count" | "fraction" | "percent" | "date" | "code" | "numberWord";

/** A number found in a text. */
export interface NumberToken {
  shape: NumberShape;
  /** Verbatim text ("1.357", "68/152", "1,3%", "15-10-2009", "35-HD/BTCTW", "mười tám"). */
  text: string;
  start: number;
  end: number;
  /**
   * count, percent, numberWord: the value; fraction: the numerator; date: days since 1970-01-01;
   * code: the leading number.
   */
  value: number;
}

const NUMBER_PATTERN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}/.,–-])(?:`,
    String.raw`(?<date>\d{1,2}([-/.])\d{1,2}\2\d{4})`,
    String.raw`|(?<code>\d+[-–]\p{Lu}[\p{Lu}\d]*/\p{Lu}[\p{Lu}\d]*(?:-\p{Lu}[\p{Lu}\d]*)?)`,
    String.raw`|(?<fraction>\d+/\d+)`,
    String.raw`|(?<percent>\d+(?:,\d+)?\s?%)`,
    String.raw`|(?<count>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)`,
    String.raw`)(?![\p{L}\p{N}]|[/.,–-]\p{N})`,
  ].join(""),
  "gu",
);

// Number words from two to nine: "một" and "mười" are read on their own terms below.
const UNITS: Record<string, number> = Object.fromEntries(NUMBER_WORDS.slice(1, 9).map((w, i) => [w, i + 2]));
const AFTER_TENS: Record<string, number> = { ...UNITS, "mốt": 1, "một": 1, "tư": 4, "lăm": 5 };
const AFTER_TEN: Record<string, number> = { ...UNITS, "một": 1, "lăm": 5 };
// Words before which a number word is an ordinal or a name, not a quantity ("thứ ba", "tháng ba", "cấp ba").
// A word that can start a quantity in words: a unit from two to nine, "mười", or the "mươi" of "năm mươi".
const NUMBER_WORD_START = new RegExp(`(?<![\\p{L}\\p{M}])(?:${[...Object.keys(UNITS).filter((w) => w !== "năm"), "mười", "mươi"].join("|")})(?![\\p{L}\\p{M}])`, "u");
const NOT_QUANTITY_BEFORE = new Set(["thứ", "tháng", "lần", "khóa", "khoá", "số", "hạng", "loại", "cấp", "điều", "khoản", "chương", "mục", "phần"]);

/** Parses a decimal written the Vietnamese way: "1.357" → 1357, "1,3" → 1.3. */
export function parseDecimal(text: string): number {
  return Number(text.replace(/\s?%$/, "").replace(/\./g, "").replace(",", "."));
}

function daysSinceEpoch(day: number, month: number, year: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** True when day/month/year names a real calendar day. */
export function isValidDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Finds digit-written numbers in a text, leftmost first. Dates and codes are never read as counts. */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER_PATTERN)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const raw = m[0];
    let token: NumberToken | null = null;
    if (g.date) {
      const [d, mo, y] = g.date.split(/[-/.]/).map(Number);
      if (d !== undefined && mo !== undefined && y !== undefined && isValidDate(d, mo, y)) token = { shape: "date", text: raw, start, end: start + raw.length, value: daysSinceEpoch(d, mo, y) };
    } else if (g.code) {
      token = { shape: "code", text: raw, start, end: start + raw.length, value: Number(raw.match(/^\d+/)?.[0] ?? 0) };
    } else if (g.fraction) {
      const [a, b] = g.fraction.split("/").map(Number);
      if (a !== undefined && b !== undefined && b > 0 && a <= b) token = { shape: "fraction", text: raw, start, end: start + raw.length, value: a };
    } else if (g.percent) {
      token = { shape: "percent", text: raw, start, end: start + raw.length, value: parseDecimal(raw) };
    } else if (g.count) {
      token = { shape: "count", text: raw, start, end: start + raw.length, value: parseDecimal(raw) };
    }
    if (token) out.push(token);
  }
  return out;
}

/** Finds quantities written in words ("ba đảng viên", "mười tám tuổi"), from 2 to 99. */
export function scanNumberWords(text: string): NumberToken[] {
  // Most passages hold no number word that can start a quantity ("năm" alone is a year): skip the scan.
  if (!NUMBER_WORD_START.test(text)) return [];
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
  const next = (k: number): string => words[k]?.text ?? "";
  const out: NumberToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w) continue;
    let value: number | null = null;
    let j = i;
    if (w.text === "mười") {
      value = 10;
      const u = AFTER_TEN[next(i + 1)];
      if (u !== undefined) {
        value += u;
        j = i + 1;
      }
    } else if (UNITS[w.text] !== undefined) {
      const unit = UNITS[w.text] ?? 0;
      if (next(i + 1) === "mươi") {
        value = unit * 10;
        j = i + 1;
        const u = AFTER_TENS[next(i + 2)];
        if (u !== undefined) {
          value += u;
          j = i + 2;
        }
      } else if (w.text !== "năm") {
        // "năm" alone is far more often "year" than "five".
        value = unit;
      }
    }
    if (value === null) continue;
    const prev = (words[i - 1]?.text ?? "").toLowerCase();
    const follower = words[j + 1];
    const last = words[j];
    if (!last || !follower) continue;
    const gap = text.slice(last.start + last.text.length, follower.start);
    // A quantity is followed, after a plain space, by the lower-case noun it counts ("ba đảng viên").
    if (gap !== " " || !/^\p{Ll}/u.test(follower.text) || follower.text === "là" || NOT_QUANTITY_BEFORE.has(prev)) continue;
    out.push({ shape: "numberWord", text: text.slice(w.start, last.start + last.text.length), start: w.start, end: last.start + last.text.length, value });
    i = j;
  }
  return out;
}

/** A whole number from 2 to 99 in words: 18 → "mười tám", 21 → "hai mươi mốt", 25 → "hai mươi lăm". */
export function numberToWords(n: number): string {
  const units = ["", ...NUMBER_WORDS.slice(0, 9)];
  if (n < 10) return units[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? "mười" : `${units[tens] ?? ""} mươi`;
  if (unit === 0) return head;
  const tail = unit === 5 ? "lăm" : unit === 1 && tens > 1 ? "mốt" : (units[unit] ?? "");
  return `${head} ${tail}`;
}

/** Writes `value` the way `model` is written: same thousands dots, decimal places and percent spacing. */
export function formatLike(model: NumberToken, value: number): string {
  if (model.shape === "numberWord") return numberToWords(value);
  const body = model.text.replace(/\s?%$/, "");
  const decimals = body.includes(",") ? (body.split(",")[1]?.length ?? 0) : 0;
  // Vietnamese groups thousands with dots ("1.357"); a document that writes "1357" keeps its own style.
  const modelGrouped = /^\d{1,3}(?:\.\d{3})+/.test(body);
  const modelUngroupedThousands = !modelGrouped && model.value >= 1000;
  const grouped = modelGrouped || (value >= 1000 && !modelUngroupedThousands);
  let [int, frac] = value.toFixed(decimals).split(".");
  int = int ?? "0";
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const number = frac ? `${int},${frac}` : int;
  if (model.shape === "percent") return `${number}${model.text.match(/\s?%$/)?.[0] ?? "%"}`;
  return number;
}

/** Writes a date the way `model` (a date token) is written: same separator and zero-padding. */
export function formatDateLike(model: NumberToken, day: number, month: number, year: number): string {
  const parts = model.text.split(/([-/.])/);
  const sep = parts[1] ?? "-";
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  return `${pad(day, (parts[0] ?? "").length === 2 ? 2 : 1)}${sep}${pad(month, (parts[2] ?? "").length === 2 ? 2 : 1)}${sep}${year}`;
}

/** Day, month and year of a date token. */
export function dateParts(token: NumberToken): { day: number; month: number; year: number } {
  const [day = 1, month = 1, year = 1970] = token.text.split(/[-/.]/).map(Number);
  return { day, month, year };
}
