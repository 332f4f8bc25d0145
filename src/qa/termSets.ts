/**
 * Term sets of a text (folded, accented, bigrams, whole numbers), memoised: what answering checks a
 * question's terms against. Pure functions over text.
 */
import { analyzeText } from "../text/analyze.js";
import type { Token } from "../text/tokenize.js";
import { romanNumeralValue } from "../text/vietnamese.js";
import { type QueryTerm, type TermKey } from "./query.js";

export interface TermSets {
  fold: Set<string>;
  accent: Set<string>;
  bigrams: Set<string>;
  /** Whole numbers without leading zeros ("0310" → "310"): "Kế hoạch 310" is "Kế hoạch số 0310". */
  numbers: Set<string>;
}

/** "0310" → "310"; other keys unchanged. */
export function withoutLeadingZeros(key: string): string {
  return /^0+\d/.test(key) ? key.replace(/^0+/, "") : key;
}

export const tokenCache = new Map<string, Token[]>();

/** Tokens of a unit without abbreviation expansion, memoised like the term sets. */
export function unitTokens(text: string): Token[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    tokens = analyzeText(text, false).tokens;
    if (tokenCache.size >= TERM_SET_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

// Passages are analysed again and again for different questions: memoise by text (bounded).
export const termSetCache = new Map<string, TermSets>();
export const TERM_SET_CACHE_LIMIT = 20_000;

export function termSets(text: string): TermSets {
  let sets = termSetCache.get(text);
  if (!sets) {
    const view = analyzeText(text);
    const numbers = new Set(view.fold.filter((k) => /^\d+$/.test(k)).map(withoutLeadingZeros));
    // "Đại hội XIV" counts as 14 for a question that writes "đại hội 14".
    for (const m of text.matchAll(/(?<![\p{L}\d])[IVXLC]{2,}(?![\p{L}\d])/gu)) {
      const value = romanNumeralValue(m[0]);
      if (value !== null) numbers.add(String(value));
    }
    sets = { fold: new Set(view.fold), accent: new Set(view.accent), bigrams: new Set(view.bigrams), numbers };
    if (termSetCache.size >= TERM_SET_CACHE_LIMIT) termSetCache.clear();
    termSetCache.set(text, sets);
  }
  return sets;
}

export function keyIn(key: TermKey, sets: TermSets): boolean {
  return key.accent !== null ? sets.accent.has(key.accent) : sets.fold.has(key.fold);
}

export function termIn(term: QueryTerm, sets: TermSets): boolean {
  if (term.phrase) return sets.fold.has(term.fold) || hasHeadPhrase([term.phrase], sets);
  const primary = term.bigram ? sets.bigrams.has(term.bigram) && keyIn(term, sets) : keyIn(term, sets);
  if (primary || (term.isNumber && (sets.fold.has(term.fold) || sets.numbers.has(withoutLeadingZeros(term.fold))))) return true;
  return term.alternatives.some((alt) => keyIn(alt, sets));
}


/** Whether one of the alternative phrases (folded syllables) occurs, as consecutive syllables. */
export function hasHeadPhrase(phrases: readonly string[][], sets: TermSets): boolean {
  return phrases.some((keys) => keys.every((k, i) => (i === 0 ? sets.fold.has(k) : sets.bigrams.has(`${keys[i - 1]}_${k}`))));
}

/** Whether all syllables of a one- or two-syllable phrase occur, as a bigram when there are two. */
export function hasPhrase(sets: TermSets, keys: readonly TermKey[]): boolean {
  if (keys.length >= 2) return sets.bigrams.has(`${keys[0]?.fold}_${keys[1]?.fold}`) && keys.every((k) => keyIn(k, sets));
  return keys.every((k) => keyIn(k, sets));
}
