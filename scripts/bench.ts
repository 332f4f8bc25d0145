/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--questions 250] [--baseline-sample N] [--seed 1]
 * [--no-pdf] [--keep] [--with-quiz | --quiz-limit-s 60] [--out bench/results.json]` — scale benchmark on
 * deterministic synthetic corpora.
 *
 * Per size: full ingest (time, passages/s, index size on disk, peak RSS), incremental re-ingest after one
 * document changes, index load time, answer latency p50/p95 over every question, HNSW recall@10 at the
 * configured ef against exact search, start-up to the first answer in a fresh process, and LangChain's
 * BM25Retriever over the same passages as the per-query baseline. Each phase runs in its own child
 * process so peak RSS is that phase's alone. Prints a table and writes a JSON report with the machine.
 *
 * Ingest times the index (`ingestCorpus`); the quiz bank `runIngest` builds after it is timed as its own
 * phase with a time limit, because it grows with the square of the corpus. `--with-quiz` times
 * `runIngest` as the app runs it instead.
 */
import "dotenv/config";
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { listCorpusFiles } from "../src/index/corpusFiles.js";
import { ensureCorpus, type CorpusOnDisk } from "./bench/corpusFiles.js";
import { RESULT_MARKER, evenSample, summarizeLatencies, type LatencySummary } from "./bench/stats.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = path.join(ROOT, "scripts", "bench", "worker.ts");

/** The issue's targets, as figures to report against (not tests). */
const TARGETS = {
  answerP95Ms: 30,
  answerP50Ms: 10,
  ingestPassagesPerS: 2000,
  peakRssIngestMb: 1536,
  peakRssServeMb: 1024,
  recallAt10: 0.95,
  speedupVsBm25: 20,
  reingestShareOfFull: 0.05,
  startupToFirstAnswerMs: 2000,
} as const;

interface Phase<T> {
  ok: boolean;
  wallMs: number;
  result?: T;
  error?: string;
}

/** Runs one worker phase in a fresh Node process and returns its parsed result. */
function runPhase<T>(phase: string, args: object, timeoutMs: number): Promise<Phase<T>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, phase, JSON.stringify(args)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = Math.round(performance.now() - started);
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) resolve({ ok: true, wallMs, result: JSON.parse(line.slice(RESULT_MARKER.length)) as T });
      else resolve({ ok: false, wallMs, error: signal ? `killed by ${signal} after ${wallMs} ms (timeout ${timeoutMs} ms)` : `exit ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}` });
    });
  });
}

interface IngestResult {
  ms: number;
  workers: number;
  mode: string;
  documents: number;
  passages: number;
  skippedCount: number;
  skipped: string[];
  updated: string[];
  indexBytes: number;
  indexFiles: Record<string, number>;
  peakRssMb: number;
}
interface ServeResult {
  loadMs: number;
  firstAskMs: number;
  rssAfterLoadMb: number;
  latency: LatencySummary;
  latenciesMs: number[];
  answered: number;
  correct: number;
  docHit1: number;
  peakRssMb: number;
}
interface RecallResult {
  k: number;
  efSearch: number;
  queries: number;
  recall: number;
  hnswSearchMeanMs: number;
  /** Recall and search time at other ef values, for choosing HNSW_EF_SEARCH. */
  sweep: Array<{ ef: number; recall: number; searchMeanMs: number }>;
  peakRssMb: number;
}
interface StartupResult {
  sinceProcessStartMs: number;
  importMs: number;
  openMs: number;
  firstAskMs: number;
  openPlusFirstAskMs: number;
  answered: boolean;
  peakRssMb: number;
}
interface QuizResult {
  ms: number;
  questions: number;
  dropped: number;
  peakRssMb: number;
}
interface BaselineResult {
  sample: number[];
  buildMs: number;
  latency: LatencySummary;
  latenciesMs: number[];
  docHit1: number;
  peakRssMb: number;
}

/** Everything measured for one corpus size. */
interface SizeReport {
  size: number;
  /** When and at which commit this size was measured (sizes kept by --merge come from earlier runs). */
  measuredAt?: { at: string; commit: string | null };
  corpus: { documents: number; formats: Record<string, number>; questions: number; generatedMs: number; dir: string };
  ingest: Phase<IngestResult>;
  /** The same full ingest with `--compare-workers` threads, for the workers' speed-up in the same run. */
  ingestCompared?: Phase<IngestResult>;
  serve?: Phase<Omit<ServeResult, "latenciesMs">>;
  recall?: Phase<RecallResult>;
  startup?: Phase<StartupResult>;
  baseline?: Phase<Omit<BaselineResult, "latenciesMs">> & { note: string };
  reingest?: Phase<IngestResult> & { changedFile: string };
  /** The quiz bank build `runIngest` runs after indexing, timed on its own (unless --with-quiz). */
  quiz?: Phase<QuizResult> & { limitMs: number };
  derived: {
    passagesPerS: number | null;
    reingestShareOfFull: number | null;
    peakRssMb: number | null;
    /** Engine latency over the baseline's sample of questions, for a like-for-like ratio. */
    engineOnSample: LatencySummary | null;
    speedupMean: number | null;
    speedupP50: number | null;
    /** Full ingest time as configured over the time with `--compare-workers` threads, in the same run. */
    workerSpeedup?: number;
    /** Quiz bank build time over the index's full ingest time. */
    quizShareOfIngest?: number;
  };
}

/** Default BM25 sample: every question at small sizes; it scores every passage per query, so fewer above. */
function defaultBaselineSample(size: number, questions: number): number {
  if (size <= 2_000) return questions;
  if (size <= 20_000) return Math.min(questions, 100);
  return Math.min(questions, 20);
}

/** A .txt or .md document near the middle of the corpus: the one the re-ingest phase changes. */
async function pickDocumentToChange(corpusDir: string): Promise<string> {
  const texts = (await listCorpusFiles(corpusDir)).supported.filter((f) => /\.(txt|md)$/i.test(f));
  const file = texts[Math.floor(texts.length / 2)];
  if (!file) throw new Error(`no .txt or .md document in ${corpusDir}`);
  return file;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

interface BenchOptions {
  questions: number;
  seed: number;
  pdf: boolean;
  /** HNSW_EF_SEARCH when set; unset: each index's measured width. */
  efSearch: number | undefined;
  corporaDir: string;
  baselineSample: number | null;
  timeoutMs: number;
  keep: boolean;
  /** Ingest through `runIngest` (quiz bank included) instead of timing the quiz bank separately. */
  withQuiz: boolean;
  /** Time limit of the separate quiz bank phase; 0 skips it. */
  quizLimitMs: number;
  /** Ingest worker threads (INGEST_WORKERS); unset: one per core. */
  workers: number | undefined;
  /** Up to this many passages, the full ingest is also timed with `compareWorkers` threads. */
  ingestBaselineMaxPassages: number;
  compareWorkers: number;
}

async function benchSize(size: number, opts: BenchOptions): Promise<SizeReport> {
  log(`${size} passages: corpus…`);
  const corpus: CorpusOnDisk = await ensureCorpus(opts.corporaDir, path.join(ROOT, "corpus"), { passages: size, questions: opts.questions, seed: opts.seed + size, pdf: opts.pdf, docx: true });
  log(`${size}: ${corpus.documents} documents ${JSON.stringify(corpus.formats)}${corpus.generatedMs ? ` generated in ${corpus.generatedMs} ms` : " (cached)"}`);
  const on: MeasuredCorpus = { label: String(size), corpusDir: corpus.corpusDir, questionsFile: corpus.questionsFile, questions: corpus.questions.map((q) => q.q), servePhase: "serve" };
  const report = emptyReport(size, { documents: corpus.documents, formats: corpus.formats, questions: corpus.questions.length, generatedMs: corpus.generatedMs, dir: path.relative(ROOT, corpus.dir) });
  return measureCorpus(report, on, opts);
}

/** A corpus on disk and the questions asked of it. */
interface MeasuredCorpus {
  label: string;
  corpusDir: string;
  questionsFile: string;
  questions: string[];
  /** `serve` for synthetic questions (planted facts), `evaluate` for question sets in the evaluation format. */
  servePhase: "serve" | "evaluate";
}

function emptyReport(size: number, corpus: SizeReport["corpus"]): SizeReport {
  return {
    size,
    corpus,
    ingest: { ok: false, wallMs: 0 },
    derived: { passagesPerS: null, reingestShareOfFull: null, peakRssMb: null, engineOnSample: null, speedupMean: null, speedupP50: null },
  };
}

/** Every phase on one corpus: ingest, answers, recall, start-up, the BM25Retriever baseline, quiz bank, re-ingest. */
async function measureCorpus(report: SizeReport, on: MeasuredCorpus, opts: BenchOptions): Promise<SizeReport> {
  const label = on.label;
  const indexDir = path.join(os.tmpdir(), `bench-index-${label.replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}`);
  const common = { indexDir, efSearch: opts.efSearch };
  try {
    log(`${label}: full ingest (${opts.workers ?? "default"} workers)…`);
    report.ingest = await runPhase<IngestResult>("ingest", { ...common, corpusDir: on.corpusDir, full: true, withQuiz: opts.withQuiz, workers: opts.workers }, opts.timeoutMs);
    const ingest = report.ingest.result;
    if (!ingest) return report;
    if (report.size === 0) report.size = ingest.passages;
    if (ingest.passages <= opts.ingestBaselineMaxPassages && opts.compareWorkers !== ingest.workers) {
      log(`${label}: full ingest with ${opts.compareWorkers} workers, for their speed-up…`);
      report.ingestCompared = await runPhase<IngestResult>("ingest", { ...common, indexDir: `${indexDir}-compared`, corpusDir: on.corpusDir, full: true, withQuiz: false, workers: opts.compareWorkers }, opts.timeoutMs);
      await rm(`${indexDir}-compared`, { recursive: true, force: true });
    }
    log(`${label}: ${ingest.passages} passages in ${ingest.ms} ms; answering ${on.questions.length} questions…`);
    const serve = await runPhase<ServeResult>(on.servePhase, { ...common, questionsFile: on.questionsFile }, opts.timeoutMs);
    const latencies = serve.result?.latenciesMs ?? [];
    if (serve.result) {
      const { latenciesMs: _dropped, ...rest } = serve.result;
      report.serve = { ...serve, result: rest };
    } else report.serve = serve;
    log(`${label}: recall@10…`);
    report.recall = await runPhase<RecallResult>("recall", { ...common, questionsFile: on.questionsFile, k: 10, efSweep: [200, 400, 800] }, opts.timeoutMs);
    log(`${label}: start-up…`);
    report.startup = await runPhase<StartupResult>("startup", { ...common, question: on.questions[0] ?? "Có bao nhiêu chi bộ?" }, opts.timeoutMs);
    const sampleSize = opts.baselineSample ?? defaultBaselineSample(report.size, on.questions.length);
    log(`${label}: BM25Retriever baseline on ${sampleSize} questions…`);
    const baseline = await runPhase<BaselineResult>("baseline", { indexDir, questionsFile: on.questionsFile, sample: sampleSize, k: 8 }, opts.timeoutMs);
    const note = sampleSize < on.questions.length ? `fixed sample of ${sampleSize} of ${on.questions.length} questions (BM25Retriever rescores every passage per query)` : `all ${on.questions.length} questions`;
    if (baseline.result) {
      const { latenciesMs: _dropped, ...rest } = baseline.result;
      report.baseline = { ...baseline, result: rest, note };
      const engineOnSample = summarizeLatencies(baseline.result.sample.map((i) => latencies[i] ?? 0));
      report.derived.engineOnSample = engineOnSample;
      if (latencies.length > 0) {
        report.derived.speedupMean = round(baseline.result.latency.meanMs / Math.max(0.01, engineOnSample.meanMs), 1);
        report.derived.speedupP50 = round(baseline.result.latency.p50Ms / Math.max(0.01, engineOnSample.p50Ms), 1);
      }
    } else report.baseline = { ...baseline, note };
    if (!opts.withQuiz && opts.quizLimitMs > 0) {
      log(`${label}: quiz bank build (at most ${opts.quizLimitMs / 1000} s)…`);
      report.quiz = { ...(await runPhase<QuizResult>("quiz", { indexDir }, opts.quizLimitMs)), limitMs: opts.quizLimitMs };
    }
    log(`${label}: re-ingest after one changed document…`);
    const changedFile = await pickDocumentToChange(on.corpusDir);
    const changedPath = path.join(on.corpusDir, changedFile);
    const original = await readFile(changedPath);
    try {
      await writeFile(changedPath, `${original.toString("utf8")}\nĐến cuối năm 2024, toàn đảng bộ có 17 chi bộ mới được thành lập sau khi sắp xếp.\n`);
      const reingest = await runPhase<IngestResult>("ingest", { ...common, corpusDir: on.corpusDir, full: false, withQuiz: opts.withQuiz, workers: opts.workers }, opts.timeoutMs);
      report.reingest = { ...reingest, changedFile };
    } finally {
      await writeFile(changedPath, original);
    }
    const ingestMs = ingest.ms;
    report.derived.passagesPerS = round(ingest.passages / (ingestMs / 1000), 0);
    const compared = report.ingestCompared?.result;
    // A corpus too small for worker threads is read in one thread either way: no ratio to report.
    if (compared && compared.workers !== ingest.workers) report.derived.workerSpeedup = round(ingestMs / compared.ms, 2);
    if (report.quiz?.result) report.derived.quizShareOfIngest = round(report.quiz.result.ms / ingestMs, 2);
    if (report.reingest.result) report.derived.reingestShareOfFull = round(report.reingest.result.ms / ingestMs, 4);
    const peaks = [ingest.peakRssMb, report.serve.result?.peakRssMb, report.reingest.result?.peakRssMb, report.startup.result?.peakRssMb].filter((x): x is number => x !== undefined);
    report.derived.peakRssMb = Math.max(...peaks);
    return report;
  } finally {
    if (!opts.keep) await rm(indexDir, { recursive: true, force: true });
    else log(`${label}: index kept in ${indexDir}`);
  }
}

/**
 * The real-text run: the shipped corpus, the folders the question sets are about (`--eval-corpus`) and
 * the extra folders (`--corpus`), copied into one temporary corpus; the question sets (`--eval`) are
 * asked of it, and of the corpus without the extra folders as the reference for accuracy at scale.
 */
async function benchRealText(real: RealTextOptions, opts: BenchOptions): Promise<RealTextReport> {
  const work = await mkdtemp(path.join(os.tmpdir(), "bench-real-"));
  try {
    const questionsFile = path.join(work, "questions.jsonl");
    const lines = (await Promise.all(real.evalFiles.map((f) => readFile(f, "utf8")))).flatMap((t) => t.split("\n").filter((l) => l.trim() !== ""));
    await writeFile(questionsFile, `${lines.join("\n")}\n`);
    const questions = lines.map((l) => (JSON.parse(l) as { q: string }).q);
    const build = async (name: string, folders: readonly string[]): Promise<string> => {
      const dir = path.join(work, name);
      await cp(path.join(ROOT, "corpus"), dir, { recursive: true });
      for (const folder of folders) await cp(folder, path.join(dir, path.basename(path.resolve(folder))), { recursive: true });
      return dir;
    };
    log(`real text: copying ${[...real.evalCorpora, ...real.corpora].join(", ")} beside the shipped corpus…`);
    const referenceDir = await build("reference", real.evalCorpora);
    const corpusDir = await build("corpus", [...real.evalCorpora, ...real.corpora]);
    const files = (await listCorpusFiles(corpusDir)).supported;
    const formats: Record<string, number> = {};
    for (const f of files) formats[path.extname(f).slice(1)] = (formats[path.extname(f).slice(1)] ?? 0) + 1;
    const report = emptyReport(0, { documents: files.length, formats, questions: questions.length, generatedMs: 0, dir: [...real.evalCorpora, ...real.corpora].join(" + ") });
    const measured = await measureCorpus(report, { label: "real", corpusDir, questionsFile, questions, servePhase: "evaluate" }, opts);
    log("real text: the question sets on the corpus without the extra folders (reference)…");
    const referenceIndex = path.join(work, "reference-index");
    const refIngest = await runPhase<IngestResult>("ingest", { indexDir: referenceIndex, efSearch: opts.efSearch, corpusDir: referenceDir, full: true, withQuiz: false, workers: 1 }, opts.timeoutMs);
    const reference = refIngest.ok ? await runPhase<ServeResult>("evaluate", { indexDir: referenceIndex, efSearch: opts.efSearch, questionsFile }, opts.timeoutMs) : refIngest;
    const referenceResult = reference.result && "latenciesMs" in reference.result ? (({ latenciesMs: _dropped, ...rest }) => rest)(reference.result) : undefined;
    return { corpora: real.corpora, evalCorpora: real.evalCorpora, evalFiles: real.evalFiles.map((f) => path.relative(ROOT, f)), run: measured, reference: { ok: reference.ok, wallMs: reference.wallMs, ...(reference.error ? { error: reference.error } : {}), result: referenceResult, passages: refIngest.result?.passages ?? null } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface RealTextOptions {
  corpora: string[];
  evalCorpora: string[];
  evalFiles: string[];
}

interface RealTextReport {
  corpora: string[];
  evalCorpora: string[];
  evalFiles: string[];
  run: SizeReport;
  /** The same questions on the shipped corpus and the --eval-corpus folders alone. */
  reference: Phase<object> & { passages: number | null };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function machine(): object {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    commit = null;
  }
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1073741824, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    commit,
  };
}

// ------------------------------------------------------------------------------------------- table

type Cell = string;
const fmt = {
  ms: (x: number | undefined): Cell => (x === undefined ? "–" : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`),
  mb: (x: number | undefined): Cell => (x === undefined ? "–" : `${x} MB`),
  pct: (x: number | null | undefined): Cell => (x === undefined || x === null ? "–" : `${(x * 100).toFixed(1)}%`),
  num: (x: number | null | undefined, digits = 0): Cell => (x === undefined || x === null ? "–" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })),
};

function mark(ok: boolean | null): string {
  return ok === null ? "" : ok ? " ✓" : " ✗";
}

/** Rows of metric, target and one column per size. */
function buildTable(reports: readonly SizeReport[]): string[][] {
  const rows: string[][] = [];
  const add = (label: string, target: string, cell: (r: SizeReport) => Cell): void => {
    rows.push([label, target, ...reports.map((r) => (r.ingest.ok ? cell(r) : "failed"))]);
  };
  const is100k = (r: SizeReport): boolean => r.size >= 100_000;
  add("passages (documents)", "", (r) => `${fmt.num(r.ingest.result?.passages)} (${fmt.num(r.ingest.result?.documents)})`);
  add(reports.some((r) => r.quiz) ? "full ingest (index)" : "full ingest (index + quiz)", "", (r) => fmt.ms(r.ingest.result?.ms));
  add("  passages/s", `≥ ${TARGETS.ingestPassagesPerS} @100k`, (r) => `${fmt.num(r.derived.passagesPerS)}${mark(is100k(r) ? (r.derived.passagesPerS ?? 0) >= TARGETS.ingestPassagesPerS : null)}`);
  if (reports.some((r) => r.quiz)) {
    add("  + quiz bank (runIngest)", "", (r) => (r.quiz?.result ? `${fmt.ms(r.quiz.result.ms)} (${fmt.num(r.quiz.result.questions)} q)` : r.quiz ? `> ${fmt.ms(r.quiz.limitMs)} (stopped)` : "–"));
  }
  add("  with N workers (speed-up)", "ratio, same run", (r) => (r.derived.workerSpeedup ? `${r.ingestCompared?.result?.workers ?? "?"}: ${fmt.ms(r.ingestCompared?.result?.ms)} (${r.derived.workerSpeedup}×)` : "–"));
  add("  quiz bank / full ingest", "", (r) => (r.derived.quizShareOfIngest !== undefined ? `${r.derived.quizShareOfIngest}×` : "–"));
  add("re-ingest, 1 doc changed", "", (r) => (r.reingest?.result ? `${fmt.ms(r.reingest.result.ms)} (${r.reingest.result.mode})` : r.reingest?.error ? "failed" : "–"));
  add("  share of full ingest", `≤ 5% @10k`, (r) => `${fmt.pct(r.derived.reingestShareOfFull)}${mark(r.size === 10_000 ? (r.derived.reingestShareOfFull ?? 1) <= TARGETS.reingestShareOfFull : null)}`);
  add("index size on disk", "", (r) => (r.ingest.result ? `${(r.ingest.result.indexBytes / 1048576).toFixed(1)} MB` : "–"));
  add("index load (QaEngine.open)", "", (r) => fmt.ms(r.serve?.result?.loadMs));
  add("peak RSS ingest / serve", `≤ ${TARGETS.peakRssIngestMb} / ${TARGETS.peakRssServeMb} MB @100k`, (r) => `${fmt.mb(r.ingest.result?.peakRssMb)} / ${fmt.mb(r.serve?.result?.peakRssMb)}${mark(is100k(r) ? Math.max(r.ingest.result?.peakRssMb ?? Infinity, r.reingest?.result?.peakRssMb ?? 0) <= TARGETS.peakRssIngestMb && (r.serve?.result?.peakRssMb ?? Infinity) <= TARGETS.peakRssServeMb : null)}`);
  add("answer latency p50", `≤ 10 ms @100k`, (r) => `${fmt.ms(r.serve?.result?.latency.p50Ms)}${mark(is100k(r) ? (r.serve?.result?.latency.p50Ms ?? Infinity) <= TARGETS.answerP50Ms : null)}`);
  add("answer latency p95", `≤ ${TARGETS.answerP95Ms} ms @100k`, (r) => `${fmt.ms(r.serve?.result?.latency.p95Ms)}${mark(is100k(r) ? (r.serve?.result?.latency.p95Ms ?? Infinity) <= TARGETS.answerP95Ms : null)}`);
  add("  questions (answered/correct)", "", (r) => (r.serve?.result ? `${r.serve.result.latency.n} (${fmt.pct(r.serve.result.answered)}/${fmt.pct(r.serve.result.correct)})` : "–"));
  add("HNSW recall@10 (ef in use)", `≥ ${TARGETS.recallAt10}`, (r) => (r.recall?.result ? `${r.recall.result.recall.toFixed(3)} (ef ${r.recall.result.efSearch})${mark(r.recall.result.recall >= TARGETS.recallAt10)}` : "–"));
  add("  recall at ef 200 / 400 / 800", "", (r) => (r.recall?.result?.sweep.length ? r.recall.result.sweep.map((x) => x.recall.toFixed(2)).join(" / ") : "–"));
  add("  HNSW ms/query, ef in use … 800", "", (r) => (r.recall?.result ? [r.recall.result.hnswSearchMeanMs, ...r.recall.result.sweep.map((x) => x.searchMeanMs)].map((x) => x.toFixed(1)).join(" / ") : "–"));
  add("BM25Retriever p50 / mean", "baseline", (r) => (r.baseline?.result ? `${fmt.ms(r.baseline.result.latency.p50Ms)} / ${fmt.ms(r.baseline.result.latency.meanMs)}` : "–"));
  add("  questions timed", "", (r) => (r.baseline?.result ? `${r.baseline.result.latency.n}${r.baseline.result.latency.n < (r.serve?.result?.latency.n ?? 0) ? " (sample)" : ""}` : "–"));
  add("engine p50 / mean, same qs", "", (r) => (r.derived.engineOnSample ? `${fmt.ms(r.derived.engineOnSample.p50Ms)} / ${fmt.ms(r.derived.engineOnSample.meanMs)}` : "–"));
  add("speed-up vs BM25 (mean, p50)", `≥ ${TARGETS.speedupVsBm25}×`, (r) => (r.derived.speedupMean !== null ? `${r.derived.speedupMean}× , ${r.derived.speedupP50}×${mark(r.derived.speedupMean >= TARGETS.speedupVsBm25)}` : "–"));
  add("start-up → 1st answer", `≤ 2 s @10k`, (r) => (r.startup?.result ? `${fmt.ms(r.startup.result.sinceProcessStartMs)}${mark(r.size === 10_000 ? r.startup.result.sinceProcessStartMs <= TARGETS.startupToFirstAnswerMs : null)}` : "–"));
  add("  open + first ask", "", (r) => (r.startup?.result ? `${fmt.ms(r.startup.result.openMs)} + ${fmt.ms(r.startup.result.firstAskMs)}` : "–"));
  return rows;
}

function renderTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? "")].length)));
  const line = (row: string[]): string => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

// -------------------------------------------------------------------------------------------- main

/** Load average over the last minute and its ratio to the cores: how contended the machine was. */
function contention(): { loadAvg1m: number; perCore: number } {
  const load = os.loadavg()[0] ?? 0;
  return { loadAvg1m: round(load, 2), perCore: round(load / Math.max(1, os.cpus().length), 2) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      questions: { type: "string", default: "250" },
      "baseline-sample": { type: "string" },
      seed: { type: "string", default: "1" },
      "no-pdf": { type: "boolean" },
      keep: { type: "boolean" },
      out: { type: "string", default: "bench/results.json" },
      merge: { type: "boolean" },
      corpora: { type: "string", default: "bench/corpora" },
      "timeout-min": { type: "string", default: "40" },
      "with-quiz": { type: "boolean" },
      "quiz-limit-s": { type: "string", default: "120" },
      workers: { type: "string" },
      "ingest-baseline-max": { type: "string", default: "20000" },
      "compare-workers": { type: "string", default: "2" },
      corpus: { type: "string", multiple: true },
      "eval-corpus": { type: "string", multiple: true },
      eval: { type: "string", multiple: true },
    },
  });
  const corpora = (values.corpus ?? []).map((d) => path.resolve(d));
  // Synthetic sizes run by default, or when asked for beside a real-text run.
  const sizes = (values.sizes ?? (corpora.length ? "" : "1000,10000,100000")).split(",").map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const questions = Number(values.questions);
  if ((sizes.length === 0 && corpora.length === 0) || !Number.isInteger(questions) || questions < 1) {
    console.error("Usage: npm run bench -- [--sizes 1000,10000,100000] [--corpus DIR]… [--eval-corpus DIR]… [--eval FILE]… [--questions 250] [--baseline-sample N] [--workers N] [--no-pdf] [--keep] [--merge] [--out FILE]");
    return 2;
  }
  const config = loadConfig();
  const efSearch = config.HNSW_EF_SEARCH;
  const opts: BenchOptions = {
    questions,
    seed: Number(values.seed),
    pdf: !values["no-pdf"],
    efSearch,
    corporaDir: path.resolve(ROOT, values.corpora ?? "bench/corpora"),
    baselineSample: values["baseline-sample"] ? Number(values["baseline-sample"]) : null,
    timeoutMs: Number(values["timeout-min"]) * 60_000,
    keep: values.keep ?? false,
    withQuiz: values["with-quiz"] ?? false,
    quizLimitMs: Number(values["quiz-limit-s"]) * 1000,
    workers: values.workers ? Number(values.workers) : config.INGEST_WORKERS,
    ingestBaselineMaxPassages: Number(values["ingest-baseline-max"]),
    compareWorkers: Number(values["compare-workers"]),
  };
  const real: RealTextOptions | null = corpora.length
    ? { corpora, evalCorpora: (values["eval-corpus"] ?? []).map((d) => path.resolve(d)), evalFiles: (values.eval ?? ["eval/questions.jsonl", "eval/questions-dieu-le.jsonl"]).map((f) => path.resolve(f)) }
    : null;
  const started = performance.now();
  const outFile = path.resolve(ROOT, values.out ?? "bench/results.json");
  await mkdir(path.dirname(outFile), { recursive: true });
  // --merge keeps the sizes (and real-text run) of an earlier results file that this run does not measure.
  const earlier = values.merge ? ((JSON.parse(await readFile(outFile, "utf8").catch(() => "{}")) as { sizes?: SizeReport[]; realText?: RealTextReport }) ?? {}) : {};
  const reports: SizeReport[] = [];
  let realText: RealTextReport | null = null;
  const host = machine();
  const load: Array<{ phase: string } & ReturnType<typeof contention>> = [];
  const write = async (): Promise<void> => {
    const measured = new Set(reports.map((r) => r.size));
    const allSizes = [...(earlier.sizes ?? []).filter((r) => !measured.has(r.size)), ...reports].sort((a, b) => a.size - b.size);
    const json = { generatedAt: new Date().toISOString(), totalMs: Math.round(performance.now() - started), machine: host, contention: load, settings: { ...opts, sizes }, targets: TARGETS, sizes: allSizes, realText: realText ?? earlier.realText ?? null };
    await writeFile(outFile, `${JSON.stringify(json, null, 1)}\n`);
  };
  for (const size of sizes) {
    load.push({ phase: `${size} start`, ...contention() });
    const report = await benchSize(size, opts);
    report.measuredAt = { at: new Date().toISOString(), commit: (host as { commit: string | null }).commit };
    reports.push(report);
    // Written after every size, so a long run that is stopped keeps what it measured.
    await write();
  }
  if (real) {
    load.push({ phase: "real text start", ...contention() });
    realText = await benchRealText(real, opts);
    realText.run.measuredAt = { at: new Date().toISOString(), commit: (host as { commit: string | null }).commit };
    await write();
  }
  load.push({ phase: "end", ...contention() });
  await write();
  const columns = [...reports, ...(realText ? [realText.run] : [])];
  const header = ["metric", "target", ...reports.map((r) => `${fmt.num(r.size)} passages`), ...(realText ? [`real text`] : [])];
  console.log(renderTable(header, buildTable(columns)));
  if (realText) {
    const ref = realText.reference.result as { accuracy?: { accuracy: number; total: number; hit1: number } } | undefined;
    const run = realText.run.serve?.result as { accuracy?: { accuracy: number; total: number; hit1: number; missed: string[] } } | undefined;
    console.log(
      `real text: ${realText.run.corpus.documents} documents (${realText.run.corpus.dir}); question sets ${realText.evalFiles.join(", ")}: accuracy ${fmt.pct(run?.accuracy?.accuracy)} (hit@1 ${fmt.pct(run?.accuracy?.hit1)}) with the extra folders, ${fmt.pct(ref?.accuracy?.accuracy)} (hit@1 ${fmt.pct(ref?.accuracy?.hit1)}) without (${fmt.num(realText.reference.passages)} passages), ${run?.accuracy?.total ?? 0} questions`,
    );
  }
  for (const r of columns) {
    const failures = [["ingest", r.ingest], ["ingest, compared", r.ingestCompared], ["serve", r.serve], ["recall", r.recall], ["startup", r.startup], ["baseline", r.baseline], ["re-ingest", r.reingest], ["quiz", r.quiz?.result ? r.quiz : undefined]] as const;
    for (const [name, phase] of failures) if (phase && !phase.ok) console.log(`${r.size}: ${name} failed: ${phase.error}`);
    if (r.baseline?.note && r.baseline.result && r.baseline.result.latency.n < (r.serve?.result?.latency.n ?? 0)) console.log(`${fmt.num(r.size)}: BM25 baseline timed on a ${r.baseline.note}; the ratio compares the engine on the same questions.`);
    if (r.ingest.result?.skippedCount) console.log(`${r.size}: ${r.ingest.result.skippedCount} file(s) skipped by the ingest, e.g. ${r.ingest.result.skipped[0] ?? ""}`);
  }
  const m = host as { cpuModel: string; cores: number; memoryGb: number; node: string };
  console.log(`machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${load.map((l) => `${l.loadAvg1m} (${l.phase})`).join(", ")}; ef ${efSearch ?? "measured per index"}; total ${((performance.now() - started) / 1000).toFixed(0)} s; written ${path.relative(ROOT, outFile)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
