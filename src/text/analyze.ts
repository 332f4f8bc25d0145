/**
 * The matching view of a text, shared by the index (passages) and query understanding (questions):
 * abbreviations expanded, syllables in accented (tone-placement-insensitive) and folded keys, number
 * parts, and phrase bigrams.
 */
import { expandAbbreviations } from "./lexicon.js";
import { numberParts, phraseBigrams, tokenize, type Token } from "./tokenize.js";

/** Terms of a text for matching. */
export interface TermView {
  tokens: Token[];
  /** Accent keys of syllables, plus number keys and their parts. */
  accent: string[];
  /** Folded keys, plus number keys and their parts. */
  fold: string[];
  /** Folded bigrams within phrases. */
  bigrams: string[];
}

/** Analyses text for matching; `expand` (default true) appends full forms of abbreviations first. */
export function analyzeText(text: string, expand = true): TermView {
  const source = expand ? expandAbbreviations(text) : text;
  const tokens = tokenize(source);
  return { tokens, ...keysOf(tokens), bigrams: phraseBigrams(tokens, source, (t) => t.fold) };
}

/** The accent and folded keys of tokens, each number followed by its parts. */
export function keysOf(tokens: readonly Token[]): Pick<TermView, "accent" | "fold"> {
  const accent: string[] = [];
  const fold: string[] = [];
  for (const t of tokens) {
    accent.push(t.accent);
    fold.push(t.fold);
    if (t.isNumber) {
      for (const part of numberParts(t.fold)) {
        accent.push(part);
        fold.push(part);
      }
    }
  }
  return { accent, fold };
}
