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
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { ensureCorpus, type CorpusOnDisk } from "./bench/corpusFiles.js";
import { RESULT_MARKER, evenSample, summarizeLatencies, type LatencySummary } from "./bench/stats.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = path.join(ROOT, "scripts", "bench", "worker.ts");

/** The issue's targets, as figures to report against (not tests). */
const TARGETS = {
  answerP95Ms: 30,
  ingestPassagesPerS: 2000,
  peakRssMb: 1536,
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
  corpus: { documents: number; formats: Record<string, number>; questions: number; generatedMs: number; dir: string };
  ingest: Phase<IngestResult>;
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
  };
}

/** Default BM25 sample: every question at small sizes; it scores every passage per query, so fewer above. */
function defaultBaselineSample(size: number, questions: number): number {
  if (size <= 2_000) return questions;
  if (size <= 20_000) return Math.min(questions, 100);
  return Math.min(questions, 20);
}

/** A txt document near the middle of the corpus: the one the re-ingest phase changes. */
async function pickDocumentToChange(corpusDir: string): Promise<string> {
  const dirs = (await readdir(corpusDir)).sort();
  const middle = dirs[Math.floor(dirs.length / 2)] ?? "";
  const files = (await readdir(path.join(corpusDir, middle))).filter((f) => f.endsWith(".txt")).sort();
  const file = files[Math.floor(files.length / 2)];
  if (!file) throw new Error(`no .txt document in ${path.join(corpusDir, middle)}`);
  return path.join(middle, file);
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
}

async function benchSize(size: number, opts: BenchOptions): Promise<SizeReport> {
  log(`${size} passages: corpus…`);
  const corpus: CorpusOnDisk = await ensureCorpus(opts.corporaDir, path.join(ROOT, "corpus"), { passages: size, questions: opts.questions, seed: opts.seed + size, pdf: opts.pdf, docx: true });
  log(`${size}: ${corpus.documents} documents ${JSON.stringify(corpus.formats)}${corpus.generatedMs ? ` generated in ${corpus.generatedMs} ms` : " (cached)"}`);
  const indexDir = path.join(os.tmpdir(), `bench-index-${size}-${randomBytes(3).toString("hex")}`);
  const common = { indexDir, efSearch: opts.efSearch };
  const report: SizeReport = {
    size,
    corpus: { documents: corpus.documents, formats: corpus.formats, questions: corpus.questions.length, generatedMs: corpus.generatedMs, dir: path.relative(ROOT, corpus.dir) },
    ingest: { ok: false, wallMs: 0 },
    derived: { passagesPerS: null, reingestShareOfFull: null, peakRssMb: null, engineOnSample: null, speedupMean: null, speedupP50: null },
  };
  try {
    log(`${size}: full ingest…`);
    report.ingest = await runPhase<IngestResult>("ingest", { ...common, corpusDir: corpus.corpusDir, full: true, withQuiz: opts.withQuiz }, opts.timeoutMs);
    const ingest = report.ingest.result;
    if (!ingest) return report;
    log(`${size}: ${ingest.passages} passages in ${ingest.ms} ms; answering ${corpus.questions.length} questions…`);
    const serve = await runPhase<ServeResult>("serve", { ...common, questionsFile: corpus.questionsFile }, opts.timeoutMs);
    const latencies = serve.result?.latenciesMs ?? [];
    if (serve.result) {
      const { latenciesMs: _dropped, ...rest } = serve.result;
      report.serve = { ...serve, result: rest };
    } else report.serve = serve;
    log(`${size}: recall@10…`);
    report.recall = await runPhase<RecallResult>("recall", { ...common, questionsFile: corpus.questionsFile, k: 10, efSweep: [200, 400, 800] }, opts.timeoutMs);
    log(`${size}: start-up…`);
    report.startup = await runPhase<StartupResult>("startup", { ...common, question: corpus.questions[0]?.q ?? "Có bao nhiêu chi bộ?" }, opts.timeoutMs);
    const sampleSize = opts.baselineSample ?? defaultBaselineSample(size, corpus.questions.length);
    log(`${size}: BM25Retriever baseline on ${sampleSize} questions…`);
    const baseline = await runPhase<BaselineResult>("baseline", { indexDir, questionsFile: corpus.questionsFile, sample: sampleSize, k: 8 }, opts.timeoutMs);
    const note = sampleSize < corpus.questions.length ? `fixed sample of ${sampleSize} of ${corpus.questions.length} questions (BM25Retriever rescores every passage per query)` : `all ${corpus.questions.length} questions`;
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
      log(`${size}: quiz bank build (at most ${opts.quizLimitMs / 1000} s)…`);
      report.quiz = { ...(await runPhase<QuizResult>("quiz", { indexDir }, opts.quizLimitMs)), limitMs: opts.quizLimitMs };
    }
    log(`${size}: re-ingest after one changed document…`);
    const changedFile = await pickDocumentToChange(corpus.corpusDir);
    const changedPath = path.join(corpus.corpusDir, changedFile);
    const original = await readFile(changedPath);
    try {
      await writeFile(changedPath, `${original.toString("utf8")}\nĐến cuối năm 2024, toàn đảng bộ có 17 chi bộ mới được thành lập sau khi sắp xếp.\n`);
      const reingest = await runPhase<IngestResult>("ingest", { ...common, corpusDir: corpus.corpusDir, full: false, withQuiz: opts.withQuiz }, opts.timeoutMs);
      report.reingest = { ...reingest, changedFile };
    } finally {
      await writeFile(changedPath, original);
    }
    const ingestMs = ingest.ms;
    report.derived.passagesPerS = round(ingest.passages / (ingestMs / 1000), 0);
    if (report.reingest.result) report.derived.reingestShareOfFull = round(report.reingest.result.ms / ingestMs, 4);
    const peaks = [ingest.peakRssMb, report.serve.result?.peakRssMb, report.reingest.result?.peakRssMb, report.startup.result?.peakRssMb].filter((x): x is number => x !== undefined);
    report.derived.peakRssMb = Math.max(...peaks);
    return report;
  } finally {
    if (!opts.keep) await rm(indexDir, { recursive: true, force: true });
    else log(`${size}: index kept in ${indexDir}`);
  }
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
  add("re-ingest, 1 doc changed", "", (r) => (r.reingest?.result ? `${fmt.ms(r.reingest.result.ms)} (${r.reingest.result.mode})` : r.reingest?.error ? "failed" : "–"));
  add("  share of full ingest", `≤ 5% @10k`, (r) => `${fmt.pct(r.derived.reingestShareOfFull)}${mark(r.size === 10_000 ? (r.derived.reingestShareOfFull ?? 1) <= TARGETS.reingestShareOfFull : null)}`);
  add("index size on disk", "", (r) => (r.ingest.result ? `${(r.ingest.result.indexBytes / 1048576).toFixed(1)} MB` : "–"));
  add("index load (QaEngine.open)", "", (r) => fmt.ms(r.serve?.result?.loadMs));
  add("peak RSS ingest / serve", `≤ ${TARGETS.peakRssMb} MB @100k`, (r) => `${fmt.mb(r.ingest.result?.peakRssMb)} / ${fmt.mb(r.serve?.result?.peakRssMb)}${mark(is100k(r) ? (r.derived.peakRssMb ?? Infinity) <= TARGETS.peakRssMb : null)}`);
  add("answer latency p50", "", (r) => fmt.ms(r.serve?.result?.latency.p50Ms));
  add("answer latency p95", `≤ ${TARGETS.answerP95Ms} ms @100k`, (r) => `${fmt.ms(r.serve?.result?.latency.p95Ms)}${mark(is100k(r) ? (r.serve?.result?.latency.p95Ms ?? Infinity) <= TARGETS.answerP95Ms : null)}`);
  add("  questions (answered/correct)", "", (r) => (r.serve?.result ? `${r.serve.result.latency.n} (${fmt.pct(r.serve.result.answered)}/${fmt.pct(r.serve.result.correct)})` : "–"));
  add(`HNSW recall@10 (ef ${reports[0]?.recall?.result?.efSearch ?? "?"})`, `≥ ${TARGETS.recallAt10}`, (r) => (r.recall?.result ? `${r.recall.result.recall.toFixed(3)}${mark(r.recall.result.recall >= TARGETS.recallAt10)}` : "–"));
  add("  recall at ef 200 / 400 / 800", "", (r) => (r.recall?.result?.sweep.length ? r.recall.result.sweep.map((x) => x.recall.toFixed(2)).join(" / ") : "–"));
  add(`  HNSW ms/query, ef ${reports[0]?.recall?.result?.efSearch ?? "?"} … 800`, "", (r) => (r.recall?.result ? [r.recall.result.hnswSearchMeanMs, ...r.recall.result.sweep.map((x) => x.searchMeanMs)].map((x) => x.toFixed(1)).join(" / ") : "–"));
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

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      questions: { type: "string", default: "250" },
      "baseline-sample": { type: "string" },
      seed: { type: "string", default: "1" },
      "no-pdf": { type: "boolean" },
      keep: { type: "boolean" },
      out: { type: "string", default: "bench/results.json" },
      corpora: { type: "string", default: "bench/corpora" },
      "timeout-min": { type: "string", default: "40" },
      "with-quiz": { type: "boolean" },
      "quiz-limit-s": { type: "string", default: "60" },
    },
  });
  const sizes = (values.sizes ?? "").split(",").map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const questions = Number(values.questions);
  if (sizes.length === 0 || !Number.isInteger(questions) || questions < 1) {
    console.error("Usage: npm run bench -- [--sizes 1000,10000,100000] [--questions 250] [--baseline-sample N] [--no-pdf] [--keep] [--out FILE]");
    return 2;
  }
  const efSearch = loadConfig().HNSW_EF_SEARCH;
  const opts = {
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
  };
  const started = performance.now();
  const outFile = path.resolve(ROOT, values.out ?? "bench/results.json");
  await mkdir(path.dirname(outFile), { recursive: true });
  const reports: SizeReport[] = [];
  const host = machine();
  const write = async (): Promise<void> => {
    const json = { generatedAt: new Date().toISOString(), totalMs: Math.round(performance.now() - started), machine: host, settings: { ...opts, sizes }, targets: TARGETS, sizes: reports };
    await writeFile(outFile, `${JSON.stringify(json, null, 1)}\n`);
  };
  for (const size of sizes) {
    reports.push(await benchSize(size, opts));
    // Written after every size, so a long run that is stopped keeps what it measured.
    await write();
  }
  const header = ["metric", "target", ...reports.map((r) => `${fmt.num(r.size)} passages`)];
  console.log(renderTable(header, buildTable(reports)));
  for (const r of reports) {
    const failures = [["ingest", r.ingest], ["serve", r.serve], ["recall", r.recall], ["startup", r.startup], ["baseline", r.baseline], ["re-ingest", r.reingest], ["quiz", r.quiz?.result ? r.quiz : undefined]] as const;
    for (const [name, phase] of failures) if (phase && !phase.ok) console.log(`${r.size}: ${name} failed: ${phase.error}`);
    if (r.baseline?.note && r.baseline.result && r.baseline.result.latency.n < (r.serve?.result?.latency.n ?? 0)) console.log(`${fmt.num(r.size)}: BM25 baseline timed on a ${r.baseline.note}; the ratio compares the engine on the same questions.`);
    if (r.ingest.result?.skippedCount) console.log(`${r.size}: ${r.ingest.result.skippedCount} file(s) skipped by the ingest, e.g. ${r.ingest.result.skipped[0] ?? ""}`);
  }
  const m = host as { cpuModel: string; cores: number; memoryGb: number; node: string };
  console.log(`machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; ef ${efSearch}; total ${((performance.now() - started) / 1000).toFixed(0)} s; written ${path.relative(ROOT, outFile)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
