/**
 * Vietnamese is written in syllables separated by spaces; words are runs of one to four syllables.
 * The tokenizer emits syllables (and numbers as units), and callers build syllable bigrams to capture
 * compound words ("chi bộ", "cơ quan") without a dictionary.
 */
import { foldKey, toneKey } from "./normalize.js";

/** One syllable or number of the original text. */
export interface Token {
  /** Lower-case surface form (NFC). */
  lower: string;
  /** Tone-placement-insensitive accented key ("uyr"). */
  accent: string;
  /** Diacritic-folded key ("uy"). */
  fold: string;
  isNumber: boolean;
  /** Offset of the token in the input string. */
  start: number;
  end: number;
}

// Numbers with thousand separators, decimals, fractions (68/152), dates (17-11-2009), ranges (2025–2026) and percentages;
// else runs of letters with their combining marks.
const TOKEN_PATTERN = /\d+(?:[.,/\-–—]\d+)*%?|[\p{L}\p{M}]+/gu;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/** A day, a month or a count written with a leading zero ("05", "05/01/2026", "28-02-2026", "02/2026"). */
const ZERO_PADDED = /^(?:0\d|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2}[/-]\d{4})$/;

/**
 * Canonical form of a number token: "1.357" → "1357"; a range's dash, whichever the text typed, a hyphen
 * ("2025–2026" → "2025-2026"); "1,3%" → "1,3%"; a day, month or small count without its leading zero, as
 * people type it ("28/02/2026" → "28/2/2026", "05" → "5"); others unchanged.
 */
export function canonicalNumber(raw: string): string {
  if (THOUSANDS.test(raw)) return raw.replace(/\./g, "");
  const dashed = raw.replace(/[–—]/gu, "-");
  return ZERO_PADDED.test(dashed) ? dashed.replace(/(^|[/-])0(?=\d)/gu, "$1") : dashed;
}

// Syllable keys are costly to compute (Unicode decomposition) and the vocabulary is small: memoise them.
const keyCache = new Map<string, { accent: string; fold: string }>();
const KEY_CACHE_LIMIT = 200_000;

function syllableKeys(lower: string): { accent: string; fold: string } {
  let keys = keyCache.get(lower);
  if (!keys) {
    keys = { accent: toneKey(lower), fold: foldKey(lower) };
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(lower, keys);
  }
  return keys;
}

/** Splits text into syllable and number tokens, keeping offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const isNumber = /^\d/.test(raw);
    const lower = raw.toLowerCase();
    if (isNumber) {
      const canonical = canonicalNumber(lower);
      tokens.push({ lower, accent: canonical, fold: canonical, isNumber, start, end: start + raw.length });
    } else {
      const keys = syllableKeys(lower);
      tokens.push({ lower, accent: keys.accent, fold: keys.fold, isNumber, start, end: start + raw.length });
    }
  }
  return tokens;
}

/**
 * Extra matching keys for a number token: the parts of fractions and dates ("68/152" → "68", "152";
 * "17-11-2009" → "17", "11", "2009"), and the bare number of a percentage.
 */
export function numberParts(key: string): string[] {
  const parts = key.replace(/%$/, "").split(/[/-]/).filter((p) => p.length > 0);
  const out = new Set<string>();
  if (key.endsWith("%")) out.add(key.slice(0, -1));
  if (parts.length > 1) for (const p of parts) out.add(p);
  out.delete(key);
  return [...out];
}

/** Adjacent pairs joined with "_": ["chi","bo","co"] → ["chi_bo","bo_co"]. */
export function bigrams(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < keys.length; i++) out.push(`${keys[i - 1]}_${keys[i]}`);
  return out;
}

/**
 * Bigrams of adjacent tokens that stand in the same phrase: a pair separated by punctuation
 * ("xã, phường") is not a compound and is left out.
 */
export function phraseBigrams(tokens: readonly Token[], text: string, key: (t: Token) => string): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1] as Token;
    const cur = tokens[i] as Token;
    if (/^\s*$/.test(text.slice(prev.end, cur.start))) out.push(`${key(prev)}_${key(cur)}`);
  }
  return out;
}

/**
 * `text` with some of its syllables written anew, each keeping the capital letter it was typed with; null
 * when `rewrite` changes none (it returns null, or the syllable as it is, to keep one). `tokens`: the
 * text's tokens when the caller has them already.
 * @example rewriteSyllables("Chi bô họp", (t) => (t.lower === "bô" ? "bộ" : null)) // "Chi bộ họp"
 */
export function rewriteSyllables(text: string, rewrite: (token: Token, index: number) => string | null, tokens: readonly Token[] = tokenize(text)): string | null {
  let out = "";
  let from = 0;
  tokens.forEach((t, i) => {
    const written = rewrite(t, i);
    if (written === null || written === t.lower) return;
    const typed = text.slice(t.start, t.end);
    out += text.slice(from, t.start) + (typed[0] !== typed[0]?.toLowerCase() ? written.charAt(0).toUpperCase() + written.slice(1) : written);
    from = t.end;
  });
  return from === 0 ? null : out + text.slice(from);
}
