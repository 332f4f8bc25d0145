/**
 * Every weight and threshold of answering in one typed, documented object, the way MiniSearch documents
 * `defaultSearchOptions`: what each knob does, its default and a sensible range. `npm run calibrate` fits
 * the ones marked *fitted* with leave-one-document-out cross-validation and prints how the fitted values
 * do on documents they were not fitted on; the others are set by reasoning, not by fitting.
 */

/** How retrieved passages are scored, which unit answers, and when to abstain. */
export interface AnswerPolicy {
  // — Retrieval —
  /** Passages taken from each index (BM25, HNSW) before fusion. Range 10–50. */
  perIndex: number;
  /** Weight of the BM25 ranking in reciprocal-rank fusion. Range 0–2. */
  lexicalWeight: number;
  /** Weight of the vector ranking in reciprocal-rank fusion. Range 0–2. */
  vectorWeight: number;
  /** Passages examined for an answer. Range 4–20. */
  candidates: number;

  // — Coverage: how much of the question a unit states —
  /**
   * *Fitted.* Below this share of the question's IDF-weighted key terms found (in the unit, its passage or
   * its document's context), the engine abstains. Range 0.4–0.85.
   */
  minCoverage: number;
  /**
   * *Fitted.* The heaviest key term found nowhere (not in the unit, its passage or its context) may weigh
   * at most this share of the question: a question about "tài chính của Đảng" is not answered by a
   * passage that never says "tài chính", however much else it shares. Range 0.1–1 (1 = off).
   */
  maxMissingShare: number;
  /**
   * *Fitted.* Of the key terms (and unknown English words) that the passage's section headings and document
   * title do not hold, the unit and its passage must state at least this share: a context that restates
   * the question ("Kế hoạch … dân số … Cần Thơ") does not make any of its sentences an answer. Range 0–0.6
   * (0 = off).
   */
  minOwnCoverage: number;
  /** Credit for a key term found in the unit's passage but not the unit itself. Range 0–1. */
  passageCredit: number;
  /**
   * *Fitted.* Credit for a key term found only in the passage's context: its section headings and its
   * document's title and header. Range 0–1.
   */
  contextCredit: number;
  /** Weight multiplier for a question term the corpus never uses: most likely what the documents lack. Range 1–3. */
  unknownTermFactor: number;
  /**
   * *Fitted.* An English word the glossary does not know counts as this share of an average key term,
   * unmatched: translation is lossy, so unknown words lower confidence. Range 0–1.5.
   */
  unknownEnglishWeight: number;

  // — Unit score (which unit of which passage answers) —
  /** Score per unit of coverage. */
  coverageWeight: number;
  /** Score per question bigram the unit contains, up to `maxBigramHits`. */
  bigramWeight: number;
  maxBigramHits: number;
  /** Score lost per retrieval rank of the unit's passage. */
  rankPenalty: number;
  /** Score for a unit that states the kind of fact asked (a number, a date, a person …). */
  kindBonus: number;
  /** Score lost by a unit that does not state the kind of fact asked. */
  kindPenalty: number;
  /** Score lost when a count's number does not count the asked noun, or an English subject is missing. */
  mismatchPenalty: number;
  /** Score for a unit naming the noun asked about ("huyện nào" → a "huyện"). */
  askedNounBonus: number;
  /** Score for the question's anchor followed by an answer; its negation when nothing follows. */
  anchorBonus: number;
  /** Score for the n-th item of an enumeration when the question asks for the n-th. */
  askedItemBonus: number;
  /** Score lost per character of the unit (short units read better), and per character past the answer limit. */
  lengthPenaltyPerChar: number;
  overLengthPenaltyPerChar: number;

  // — Choosing among units —
  /** How many of the best-scoring units are checked before abstaining. Range 1–5. */
  maxUnitsChecked: number;
  /** Extra coverage a lower-scoring unit needs to answer when the top one cannot. Range 0–0.2. */
  fallbackMargin: number;
  /**
   * …and must score within this much of the top unit: a unit far below, taken only because the top one
   * narrowly missed the coverage bar, is an answer to something else. Range 1–4 (score units).
   */
  fallbackScoreGap: number;
  /**
   * An answer from a text without a formal header (an article, a report, an encyclopaedia page) yields to
   * a unit of an official document that gives the same answer (the same person or body, for "ai"), covers
   * at least as much of the question, passes every check and scores within this much of it: the official
   * text is the source to cite when both say it. Range 0–2 (score units; 0 = only when both units say the
   * same thing in nearly the same words).
   */
  officialPreference: number;

  // — Confidence —
  /**
   * An answer the verifier (verifier.ts) gives a higher chance p of being wrong than this is withheld, the
   * closest passages offered instead. A wrong answer costs twice what a right one earns (calibrate's
   * WRONG_ANSWER_COST), so answering is worth (1 − p) − 2p on average: nothing at p = 1/3. Range 0–1 (1 = off).
   */
  maxWrongChance: number;
}

/** The defaults. Fitted values come from `npm run calibrate` (see README, "Measured figures"). */
export const DEFAULT_POLICY: Readonly<AnswerPolicy> = Object.freeze({
  perIndex: 20,
  lexicalWeight: 1,
  vectorWeight: 0.6,
  candidates: 12,
  minCoverage: 0.55,
  maxMissingShare: 0.2,
  minOwnCoverage: 0.4,
  passageCredit: 0.6,
  contextCredit: 0.5,
  unknownTermFactor: 1.5,
  unknownEnglishWeight: 0.5,
  coverageWeight: 4,
  bigramWeight: 0.35,
  maxBigramHits: 8,
  rankPenalty: 0.08,
  kindBonus: 1.2,
  kindPenalty: 1,
  mismatchPenalty: 2,
  askedNounBonus: 1.2,
  anchorBonus: 0.5,
  askedItemBonus: 3,
  lengthPenaltyPerChar: 1 / 600,
  overLengthPenaltyPerChar: 1 / 400,
  maxUnitsChecked: 3,
  fallbackMargin: 0.05,
  fallbackScoreGap: 2,
  officialPreference: 1,
  maxWrongChance: 1 / 3,
});

/** The knobs `npm run calibrate` fits, with the values it tries. */
export const FITTED_KNOBS: ReadonlyArray<{ key: keyof AnswerPolicy; values: readonly number[] }> = [
  { key: "minCoverage", values: [0.55, 0.6, 0.62, 0.65, 0.7] },
  { key: "maxMissingShare", values: [0.2, 0.25, 0.3, 0.4, 1] },
  { key: "contextCredit", values: [0.3, 0.5, 0.7] },
  { key: "minOwnCoverage", values: [0, 0.3, 0.4, 0.5] },
  { key: "unknownEnglishWeight", values: [0.25, 0.5, 1] },
  { key: "candidates", values: [8, 12] },
];

/** A policy with some knobs changed; unknown keys are rejected by the type. */
export function withPolicy(overrides: Partial<AnswerPolicy> = {}): AnswerPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
