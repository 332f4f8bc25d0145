/**
 * Leave-one-document-out calibration of the answer policy: for each document, the policy is chosen on the
 * other documents' questions and scored on that document's, so the figure says how the fitted knobs do on
 * a document they were not fitted on. Pure functions over a table of outcomes (question × candidate policy).
 */
import { DEFAULT_POLICY, FITTED_KNOBS, type AnswerPolicy } from "./policy.js";
import { FITTED_FEATURES, fitVerifier, wrongChance, type VerifierFeature, type VerifierModel, type VerifierSample } from "./verifier.js";

/** One candidate policy: the fitted knobs' values. */
export type KnobSetting = Partial<Record<keyof AnswerPolicy, number>>;

/** A labelled question's outcome under every candidate policy. */
export interface CalibrationRow {
  id: string;
  set: string;
  kind: string;
  /** The document the question is about (its source passage's, or for unanswerables the one it tempts). */
  doc: string;
  /** Correct under candidate policy i. */
  correct: boolean[];
  /** Answered (did not abstain) under candidate policy i: an answer that is not correct is a wrong fact. */
  answered: boolean[];
  /** Whether this question may be used for fitting (held-out sets are only scored). */
  tunable: boolean;
  /**
   * Under the shipped policy with the verifier off: what the verifier reads of the answer and whether it
   * was wrong (null when the engine abstained anyway).
   */
  verifier?: VerifierSample | null;
}

/** Every combination of the fitted knobs' values. */
export function candidateSettings(knobs = FITTED_KNOBS): KnobSetting[] {
  let out: KnobSetting[] = [{}];
  for (const { key, values } of knobs) out = out.flatMap((setting) => values.map((v) => ({ ...setting, [key]: v })));
  return out;
}

/** Distance of a setting from the defaults, to break ties towards them. */
function distanceFromDefault(setting: KnobSetting): number {
  return Object.entries(setting).reduce((sum, [key, value]) => {
    const base = DEFAULT_POLICY[key as keyof AnswerPolicy];
    return sum + Math.abs((value ?? base) - base) / Math.max(1e-9, Math.abs(base));
  }, 0);
}

/**
 * What a wrong answer costs against a right one: a wrong fact stated with a citation is the worst outcome
 * the product can have, an abstention only a missed chance.
 */
export const WRONG_ANSWER_COST = 2;

/** A candidate's utility on some rows: right answers and abstentions earn 1, wrong answers cost. */
function utility(rows: readonly CalibrationRow[], i: number): number {
  let sum = 0;
  for (const r of rows) sum += r.correct[i] ? 1 : r.answered[i] ? -WRONG_ANSWER_COST : 0;
  return sum / Math.max(1, rows.length);
}

/**
 * The candidate with the best mean utility over `rows` (right answers and right abstentions earn, wrong
 * answers cost WRONG_ANSWER_COST), each set weighing the same (a set of 70 questions on one article should
 * not outvote a set of 45 on three documents); ties go to the candidate nearest the defaults.
 */
export function bestCandidate(rows: readonly CalibrationRow[], settings: readonly KnobSetting[]): number {
  // Each set's rows once (cross-validation calls this per document, over thousands of rows and settings).
  const bySet = new Map<string, CalibrationRow[]>();
  for (const r of rows) {
    const group = bySet.get(r.set);
    if (group) group.push(r);
    else bySet.set(r.set, [r]);
  }
  const groups = [...bySet.values()];
  let best = 0;
  let bestScore = -Infinity;
  settings.forEach((setting, i) => {
    let score = 0;
    for (const group of groups) score += utility(group, i);
    const tie = Math.abs(score - bestScore) < 1e-9;
    if (score > bestScore + 1e-9 || (tie && distanceFromDefault(setting) < distanceFromDefault(settings[best] ?? {}))) {
      best = i;
      bestScore = Math.max(score, bestScore);
    }
  });
  return best;
}

/** What of a question, once understood and retrieved, decides whether a fitted knob can change its answer. */
export interface QuestionShape {
  language: string;
  /** English words the glossary did not translate (unknownEnglishWeight weighs them). */
  unknownWords: number;
  /** Passages ranked by retrieval (the candidate count cuts only these). */
  ranked: number;
}

/**
 * The setting with every knob that cannot change this question's answer put back to its default, so
 * calibration answers each distinct setting once: unknownEnglishWeight weighs only untranslated English
 * words, maxMissingShare is checked only for Vietnamese questions, and a candidate count at or above the
 * number of ranked passages keeps them all. (tests/qa/calibrate.test.ts checks the equivalence on answers.)
 */
export function effectiveSetting(setting: KnobSetting, shape: QuestionShape): KnobSetting {
  const out: KnobSetting = { ...setting };
  if (shape.unknownWords === 0 && "unknownEnglishWeight" in out) out.unknownEnglishWeight = DEFAULT_POLICY.unknownEnglishWeight;
  if (shape.language !== "vi" && "maxMissingShare" in out) out.maxMissingShare = DEFAULT_POLICY.maxMissingShare;
  const candidates = out.candidates;
  if (candidates !== undefined && candidates >= shape.ranked) out.candidates = Math.max(shape.ranked, 1);
  return out;
}

/** Per question: correct under the in-sample fit, and under the fit that left its document out. */
export interface CalibrationResult {
  inSample: KnobSetting;
  /** For each row, in order. */
  inSampleCorrect: boolean[];
  crossValidatedCorrect: boolean[];
  /** The setting chosen for each left-out document. */
  perDocument: Record<string, KnobSetting>;
}

/** Fits on all tunable rows (in-sample) and, for each document, on the tunable rows of the others. */
export function crossValidate(rows: readonly CalibrationRow[], settings: readonly KnobSetting[]): CalibrationResult {
  const tunable = rows.filter((r) => r.tunable);
  const all = bestCandidate(tunable, settings);
  const perDocument: Record<string, KnobSetting> = {};
  const chosen = new Map<string, number>();
  for (const doc of new Set(rows.map((r) => r.doc))) {
    const i = bestCandidate(tunable.filter((r) => r.doc !== doc), settings);
    chosen.set(doc, i);
    perDocument[doc] = settings[i] ?? {};
  }
  return {
    inSample: settings[all] ?? {},
    inSampleCorrect: rows.map((r) => r.correct[all] ?? false),
    crossValidatedCorrect: rows.map((r) => r.correct[chosen.get(r.doc) ?? all] ?? false),
    perDocument,
  };
}

/** What a verifier withholds of some answers: how many, how many of them were right, how many wrong. */
export interface Withheld {
  answers: number;
  withheld: number;
  rightLost: number;
  wrongRemoved: number;
}

function withheldBy(model: VerifierModel, samples: readonly VerifierSample[], maxWrongChance: number): Withheld {
  const out: Withheld = { answers: samples.length, withheld: 0, rightLost: 0, wrongRemoved: 0 };
  for (const s of samples) {
    if (wrongChance(s.features, model) <= maxWrongChance) continue;
    out.withheld++;
    if (s.wrong) out.wrongRemoved++;
    else out.rightLost++;
  }
  return out;
}

function add(a: Withheld, b: Withheld): Withheld {
  return { answers: a.answers + b.answers, withheld: a.withheld + b.withheld, rightLost: a.rightLost + b.rightLost, wrongRemoved: a.wrongRemoved + b.wrongRemoved };
}

/**
 * Fits the verifier on the tunable rows' answers and says what it withholds: in sample, on each tunable
 * document when fitted without it (leave one document out), and on the held-out rows when fitted on all the
 * tunable ones.
 */
export function crossValidateVerifier(rows: readonly CalibrationRow[], maxWrongChance = DEFAULT_POLICY.maxWrongChance, l2 = 1, features: readonly VerifierFeature[] = FITTED_FEATURES): { model: VerifierModel; inSample: Withheld; crossValidated: Withheld; heldOut: Withheld; heldOutByKind: Record<string, Withheld> } {
  const answered = rows.filter((r): r is CalibrationRow & { verifier: VerifierSample } => r.verifier != null);
  const tunable = answered.filter((r) => r.tunable);
  const model = fitVerifier(tunable.map((r) => r.verifier), l2, features);
  const none: Withheld = { answers: 0, withheld: 0, rightLost: 0, wrongRemoved: 0 };
  let crossValidated = none;
  for (const doc of new Set(tunable.map((r) => r.doc))) {
    const others = fitVerifier(tunable.filter((r) => r.doc !== doc).map((r) => r.verifier), l2, features);
    crossValidated = add(crossValidated, withheldBy(others, tunable.filter((r) => r.doc === doc).map((r) => r.verifier), maxWrongChance));
  }
  const held = answered.filter((r) => !r.tunable);
  const heldOutByKind: Record<string, Withheld> = {};
  for (const kind of new Set(held.map((r) => r.kind))) heldOutByKind[kind] = withheldBy(model, held.filter((r) => r.kind === kind).map((r) => r.verifier), maxWrongChance);
  return { model, inSample: withheldBy(model, tunable.map((r) => r.verifier), maxWrongChance), crossValidated, heldOut: withheldBy(model, held.map((r) => r.verifier), maxWrongChance), heldOutByKind };
}
