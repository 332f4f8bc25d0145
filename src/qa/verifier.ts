/**
 * How likely a chosen answer is to be wrong, from what extraction already measured of it. Every check of
 * `answer.ts` can pass and the answer still be a near miss: on documents the rules were never tuned on,
 * wrong answers gather where the answer barely beats its rival (the best unit of another passage that passes
 * the checks too and says something else), scores low, states little beyond its section's title, or comes
 * from a passage retrieval ranked low. A logistic model over those few features gives the chance; answer.ts
 * withholds an answer whose chance of being wrong is above the policy's `maxWrongChance`, offering the
 * closest passages instead.
 *
 * The model is data (`verifier.json`): `npm run calibrate -- --verifier-only --verifier-out
 * src/qa/verifier.json` fits it on the tuned question sets only, each answered from its own documents
 * (scripts/verifierRows.ts), and prints, beside the in-sample figures, what it withholds on each document
 * when fitted without that document (leave-one-document-out) and on the held-out sets.
 */
import { createRequire } from "node:module";

/** What the verifier can read of an answer (a model uses some of them, in its own order). */
export const VERIFIER_FEATURES = ["margin", "score", "ownCoverage", "rank", "termCount", "lead", "coverage", "english", "unknownWords"] as const;
export type VerifierFeature = (typeof VERIFIER_FEATURES)[number];
/** The features `npm run calibrate` fits a model on unless told others. */
export const FITTED_FEATURES: readonly VerifierFeature[] = ["margin", "score", "ownCoverage", "rank", "termCount"];

/** What the verifier reads of an answer. */
export type AnswerFeatures = Record<VerifierFeature, number>;

/** Retrieval ranks above this count as this: the tail of the candidates is all alike. */
const MAX_RANK = 12;
/** Score margins above this count as this: a rival that far behind is no rival (and is not looked for). */
export const MAX_MARGIN = 4;

/** A fitted model: standardised features, then a logistic regression. */
export interface VerifierModel {
  version: 1;
  features: VerifierFeature[];
  /** Per feature: the mean and standard deviation of the fitting data, to standardise with. */
  mean: number[];
  scale: number[];
  bias: number;
  weights: number[];
  /** The L2 penalty it was fitted with, and on how many answers (how many of them wrong). */
  l2: number;
  answers: number;
  wrong: number;
}

/** A fitting sample: an answer's features, and whether it was wrong. */
export interface VerifierSample {
  features: AnswerFeatures;
  wrong: boolean;
}

/** What extraction hands the verifier: the unit chosen, its rival, the next passage's best unit and the question. */
export interface VerifiedAnswer {
  best: { score: number; ownCoverage: number; coverage: number };
  /** The best unit of another passage that passes the checks too, if one scores within MAX_MARGIN of it. */
  rival: { score: number } | undefined;
  /** The next passage's best unit, whether it passes the checks or not. */
  runnerUp: { score: number } | undefined;
  /** Retrieval rank of the answer's passage. */
  rank: number;
  termCount: number;
  english: boolean;
  unknownWords: number;
}

/** The features of an answer: margins and ranks capped. */
export function answerFeatures(a: VerifiedAnswer): AnswerFeatures {
  return {
    margin: Math.min(MAX_MARGIN, a.best.score - (a.rival?.score ?? -Infinity)),
    score: a.best.score,
    ownCoverage: a.best.ownCoverage,
    rank: Math.min(a.rank, MAX_RANK),
    termCount: a.termCount,
    lead: Math.min(MAX_MARGIN, a.best.score - (a.runnerUp?.score ?? -Infinity)),
    coverage: a.best.coverage,
    english: a.english ? 1 : 0,
    unknownWords: a.unknownWords,
  };
}

/** Chance that an answer with these features is wrong, under `model`. */
export function wrongChance(features: AnswerFeatures, model: VerifierModel = SHIPPED_VERIFIER): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i] ?? 0) * ((features[name] - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1));
  });
  return 1 / (1 + Math.exp(-z));
}

/** Solves `a · x = b` for a small symmetric positive-definite `a` (Gaussian elimination, partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    const p = m[col] ?? [];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] ?? [];
      const f = (row[col] ?? 0) / (p[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/**
 * Fits the model by Newton's method on the penalised log-likelihood (the bias is not penalised): the same
 * samples give the same model, whatever their order.
 */
export function fitVerifier(samples: readonly VerifierSample[], l2 = 1, features: readonly VerifierFeature[] = FITTED_FEATURES): VerifierModel {
  const n = samples.length;
  const mean = features.map((f) => samples.reduce((s, x) => s + x.features[f], 0) / Math.max(1, n));
  const scale = features.map((f, i) => Math.sqrt(samples.reduce((s, x) => s + (x.features[f] - (mean[i] ?? 0)) ** 2, 0) / Math.max(1, n)) || 1);
  const rows = samples.map((x) => [1, ...features.map((f, i) => (x.features[f] - (mean[i] ?? 0)) / (scale[i] ?? 1))]);
  const ys = samples.map((x) => (x.wrong ? 1 : 0));
  const k = features.length + 1;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const hessian = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j && i > 0 ? l2 : 0)));
    const gradient = w.map((wi, i) => (i > 0 ? l2 * wi : 0));
    rows.forEach((x, r) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, xi, i) => s + xi * (w[i] ?? 0), 0)));
      const d = p * (1 - p);
      for (let i = 0; i < k; i++) {
        gradient[i] = (gradient[i] ?? 0) + (p - (ys[r] ?? 0)) * (x[i] ?? 0);
        const hi = hessian[i] ?? [];
        for (let j = 0; j < k; j++) hi[j] = (hi[j] ?? 0) + d * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const step = solve(hessian, gradient);
    w = w.map((wi, i) => wi - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { version: 1, features: [...features], mean, scale, bias: w[0] ?? 0, weights: w.slice(1), l2, answers: n, wrong: ys.filter((y) => y === 1).length };
}

/** Checks a model read from a file; throws what is wrong with it. */
export function checkVerifierModel(value: unknown): VerifierModel {
  const m = value as Partial<VerifierModel> | null;
  const numbers = (xs: unknown, length: number): boolean => Array.isArray(xs) && xs.length === length && xs.every((x) => typeof x === "number" && Number.isFinite(x));
  if (m === null || typeof m !== "object" || m.version !== 1) throw new Error("verifier model: version 1 expected");
  if (!Array.isArray(m.features) || m.features.some((f) => !(VERIFIER_FEATURES as readonly string[]).includes(f))) throw new Error(`verifier model: features must be among ${VERIFIER_FEATURES.join(", ")}`);
  const n = m.features.length;
  if (!numbers(m.mean, n) || !numbers(m.scale, n) || !numbers(m.weights, n) || typeof m.bias !== "number" || (m.scale ?? []).some((s) => s <= 0)) throw new Error("verifier model: mean, scale and weights need one finite number per feature (scales positive), and a bias");
  return m as VerifierModel;
}

/** The model the product ships, fitted by `npm run calibrate -- --verifier-out src/qa/verifier.json`. */
export const SHIPPED_VERIFIER: VerifierModel = checkVerifierModel(createRequire(import.meta.url)("./verifier.json"));
