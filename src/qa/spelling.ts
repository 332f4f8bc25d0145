/**
 * Typo tolerance against the corpus vocabulary: a question term the corpus never uses is either a typo
 * of a term it does use (one edit away, or the right letters with the wrong tone mark) or a real word
 * the documents lack, which makes an answer less likely.
 */
import type { TermStats } from "../index/termStats.js";
import { isKnownAbbreviation } from "../text/lexicon.js";
import { analyzeText } from "../text/analyze.js";
import { TONE_LETTER } from "../text/normalize.js";
import { rewriteSyllables } from "../text/tokenize.js";
import { findCompounds, type QueryPlan, type QueryTerm } from "./query.js";


/** A plan whose terms were checked against the corpus. */
export interface CheckedPlan extends QueryPlan {
  /** Terms (by index into `terms`) the corpus does not know even after correction. */
  unknownTerms: Set<number>;
  /** Adjacent terms that form a compound the corpus uses (see `findCompounds`). */
  compounds: Array<[number, number]>;
}

/** Pairs seen fewer times than this are no evidence of a compound. */
const MIN_COMPOUND_FREQUENCY = 3;

/**
 * For a term the corpus does not know as typed: the folded syllable one edit away that forms a compound
 * the corpus uses with the question's syllable before or after it, when the term as typed forms none.
 */
function compoundCorrection(plan: QueryPlan, i: number, stats: TermStats, bigramFrequency: (foldedBigram: string) => number): string | null {
  const term = plan.terms[i];
  if (!term || term.position === undefined) return null;
  const before = term.joinsPrevious ? plan.terms.find((t) => t.position === (term.position ?? 0) - 1) : undefined;
  const after = plan.terms.find((t) => t.position === (term.position ?? 0) + 1 && t.joinsPrevious);
  const pairs = (fold: string): number => Math.max(before ? bigramFrequency(`${before.fold}_${fold}`) : 0, after ? bigramFrequency(`${fold}_${after.fold}`) : 0);
  if (pairs(term.fold) >= MIN_COMPOUND_FREQUENCY) return null;
  // Letters the corpus knows in a compound it uses, under another mark ("Mổi chi bộ" for "Mỗi chi bộ"): the
  // marks slipped, not the letters; a commoner compound one letter away ("với chi bộ") is another word.
  if (term.accent !== null && stats.has(term.fold, false) && pairs(term.fold) > 0) return null;
  let best: string | null = null;
  let bestPairs = MIN_COMPOUND_FREQUENCY - 1;
  for (const candidate of stats.nearFolds(term.fold)) {
    const n = pairs(candidate);
    if (n > bestPairs) {
      best = candidate;
      bestPairs = n;
    }
  }
  return best;
}

/** A syllable whose vowel is a lone "i" or "y" after its consonant ("lí", "kỷ", "my"). */
const LONE_I_OR_Y = /^(ch|gh|kh|nh|ph|th|tr|qu|[bcdđghklmnpqrstvx])([iy])([fsrxj]?)$/u;

/**
 * The term spelt with "y" for "i" or "i" for "y" ("lís" → "lýs"), when the corpus knows that spelling and
 * not the typed one; null otherwise.
 */
function otherSpelling(term: QueryTerm, stats: TermStats): QueryTerm | null {
  const swap = (key: string): string | null => {
    const m = LONE_I_OR_Y.exec(key);
    return m ? `${m[1]}${m[2] === "i" ? "y" : "i"}${m[3]}` : null;
  };
  if (term.accent !== null) {
    const accent = swap(term.accent);
    return accent && stats.has(accent, true) ? { ...term, accent, fold: swap(term.fold) ?? term.fold } : null;
  }
  if (stats.has(term.fold, false)) return null;
  const fold = swap(term.fold);
  return fold && stats.has(fold, false) ? { ...term, fold } : null;
}

/** Corrects terms against the corpus vocabulary; corrected folds are also added for the lexical search. */
export function checkSpelling(plan: QueryPlan, stats: TermStats, bigramFrequency: (foldedBigram: string) => number = () => 0): CheckedPlan {
  const unknownTerms = new Set<number>();
  const extraFolds: string[] = [];
  /** A term the corpus does not know: unknown, unless one of its alternatives is known. */
  const markUnknown = (term: QueryTerm, i: number): QueryTerm => {
    const hasKnownAlternative = term.alternatives.some((phrase) => phrase.every((a) => (a.accent !== null ? stats.has(a.accent, true) : stats.has(a.fold, false))));
    if (!hasKnownAlternative) unknownTerms.add(i);
    return term;
  };
  const terms: QueryTerm[] = plan.terms.map((term, i) => {
    if (term.isNumber || term.phrase) return term;
    if (term.accent !== null && stats.has(term.accent, true)) return term;
    // "i" and "y" spell the same vowel after a consonant ("lí do"/"lý do", "kỉ luật"/"kỷ luật", "nhiệm
    // kì"/"nhiệm kỳ"): the spelling the corpus uses.
    const spelt = otherSpelling(term, stats);
    if (spelt) {
      if (spelt.fold !== term.fold) extraFolds.push(spelt.fold);
      return spelt;
    }
    // A typo that makes another word ("hoàn thàn" for "hoàn thành"): the neighbour's compound decides.
    const inCompound = term.accent !== null && !stats.has(term.accent, true) ? compoundCorrection(plan, i, stats, bigramFrequency) : null;
    if (inCompound) {
      extraFolds.push(inCompound);
      return { ...term, fold: inCompound, accent: null };
    }
    if (term.accent !== null && stats.has(term.fold, false)) {
      // Same tone, a vowel mark missed ("chi bọ" for "chi bộ"): a typo, corrected. A different tone
      // ("lương" where the corpus has "lượng") is usually another word: it stays strict, though it is not
      // weighed as a word the corpus lacks.
      const tone = TONE_LETTER.exec(term.accent)?.[0] ?? "";
      const sameTone = stats.accentVariants(term.fold).filter((k) => (TONE_LETTER.exec(k)?.[0] ?? "") === tone);
      // (Hỏi and ngã, which most speakers no longer tell apart, are the tone slip typed most: "Mổi chi bộ"
      // for "Mỗi chi bộ", "chuyễn" for "chuyển". Typed as no word the corpus uses, it is the other one.)
      const swapped = tone === "r" ? "x" : tone === "x" ? "r" : null;
      const otherTone = swapped === null ? [] : stats.accentVariants(term.fold).filter((k) => (TONE_LETTER.exec(k)?.[0] ?? "") === swapped);
      const best = [...sameTone, ...otherTone].sort((a, b) => (stats.accent.get(b) ?? 0) - (stats.accent.get(a) ?? 0))[0];
      if (best) return { ...term, accent: best };
      // A syllable typed with no marks at all ("viec" among accented words): the marks were left out,
      // as in a question typed without diacritics; it matches folded.
      return term.accent === term.fold ? { ...term, accent: null } : term;
    }
    if (stats.has(term.fold, false)) return term;
    // An abbreviation is not a typo: its expansion carries the meaning.
    if (isKnownAbbreviation(term.fold)) return markUnknown(term, i);
    // The neighbour's compound decides first ("Krôg Bông" → "krong", not the commoner "kro…").
    const fixed = compoundCorrection(plan, i, stats, bigramFrequency) ?? stats.correct(term.fold);
    if (fixed) {
      extraFolds.push(fixed);
      return { ...term, fold: fixed, accent: null };
    }
    return markUnknown(term, i);
  });
  // Names are matched by their folded syllables: a corrected syllable corrects the name ("bun_ho" → "buon_ho").
  const corrected = new Map<string, string>();
  terms.forEach((t, i) => {
    const typed = plan.terms[i];
    if (typed && typed.fold !== t.fold) corrected.set(typed.fold, t.fold);
  });
  const names = corrected.size === 0 ? plan.names : plan.names.map((run) => run.map((bigram) => bigram.split("_").map((k) => corrected.get(k) ?? k).join("_")));
  // The counted or asked noun is corrected the same way ("dang vein" → "dang vien").
  const fixKeys = (keys: QueryPlan["countedNoun"]): QueryPlan["countedNoun"] =>
    keys?.map((k) => (k.accent === null && !stats.has(k.fold, false) ? { fold: stats.correct(k.fold) ?? k.fold, accent: null } : k)) ?? null;
  return { ...plan, terms, names, fold: [...plan.fold, ...extraFolds], unknownTerms, compounds: findCompounds(terms, bigramFrequency), countedNoun: fixKeys(plan.countedNoun), askedNoun: fixKeys(plan.askedNoun) };
}

/**
 * The question with the syllables `checkSpelling` corrected written as corrected, without diacritics
 * ("Đng chí nào …" → "dong chí nào …"; letters the corpus knows are kept), so that understanding it again
 * reads its question words, levels and nouns as meant (`rereadQuestion` then restores the diacritics the
 * passages support). Null when nothing was corrected.
 */
export function withCorrectedSpelling(question: string, plan: CheckedPlan, stats: TermStats, bigramFrequency: (foldedBigram: string) => number): string | null {
  const tokens = analyzeText(plan.question).tokens;
  const folds = tokens.map((t) => t.fold);
  for (const term of plan.terms) if (term.position !== undefined && !term.phrase) folds[term.position] = term.fold;
  const corrected = new Map<string, string>();
  for (const term of plan.terms) {
    const at = term.position;
    const typed = at !== undefined ? tokens[at] : undefined;
    // Letters the corpus knows were typed right: their marks are read again, not their letters changed.
    if (at === undefined || !typed || typed.isNumber || typed.fold === term.fold || term.phrase || stats.has(typed.fold, false)) continue;
    // Only a correction that makes a compound the corpus uses with a neighbour ("dong chi") rewrites the
    // question: the commonest word one edit away is a guess, fit for a search term but not for reading the
    // question's words anew.
    const formsCompound = [`${folds[at - 1] ?? ""}_${term.fold}`, `${term.fold}_${folds[at + 1] ?? ""}`].some((b) => bigramFrequency(b) >= MIN_COMPOUND_FREQUENCY);
    if (formsCompound) corrected.set(typed.fold, term.fold);
  }
  if (corrected.size === 0) return null;
  return rewriteSyllables(question, (t) => corrected.get(t.fold) ?? null);
}
