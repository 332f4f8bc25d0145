/**
 * One benchmark phase in a fresh process, so that peak RSS and start-up belong to that phase alone:
 * `node --import tsx scripts/bench/worker.ts <phase> '<json args>'`. Prints one `BENCH_RESULT {…}` line.
 * Modules are imported per phase, so the start-up phase loads only what the bot loads to answer.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SyntheticQuestion } from "./synthetic.js";
import { RESULT_MARKER, evenSample, peakRssMb, summarizeLatencies } from "./stats.js";

interface IndexArgs {
  indexDir: string;
  /** HNSW_EF_SEARCH override; absent: the width measured at ingest. */
  efSearch?: number;
}

async function readQuestions(file: string): Promise<SyntheticQuestion[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SyntheticQuestion);
}

async function directorySize(dir: string): Promise<number> {
  const { readdir, stat } = await import("node:fs/promises");
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    total += entry.isDirectory() ? await directorySize(abs) : (await stat(abs)).size;
  }
  return total;
}

/**
 * Full or incremental ingest of the corpus into the index folder: the index alone (`ingestCorpus`), or
 * with the quiz bank built alongside as the app does (`runIngest`) when `withQuiz`.
 */
async function ingest(args: IndexArgs & { corpusDir: string; full: boolean; withQuiz: boolean; workers?: number }): Promise<object> {
  const { ingestSettings, runIngest } = await import("../../src/app/ingestRunner.js");
  const { loadConfig } = await import("../../src/config.js");
  const { ingestCorpus } = await import("../../src/index/ingest.js");
  const { currentGeneration, readStoredPassages } = await import("../../src/index/store.js");
  const { DEFAULT_MAX_FILE_BYTES } = await import("../../src/corpus/limits.js");
  const started = performance.now();
  const summary = args.withQuiz
    ? await runIngest({ ...ingestSettings(loadConfig({})), corpusDir: args.corpusDir, indexDir: args.indexDir, efSearch: args.efSearch, workers: args.workers }, { full: args.full })
    : await ingestCorpus({ corpusDir: args.corpusDir, indexDir: args.indexDir, maxFileBytes: DEFAULT_MAX_FILE_BYTES, efSearch: args.efSearch, full: args.full, workers: args.workers });
  const ms = performance.now() - started;
  const generation = await currentGeneration(args.indexDir);
  const genDir = path.join(args.indexDir, generation ?? "");
  const { readdir, stat } = await import("node:fs/promises");
  const files: Record<string, number> = {};
  for (const f of await readdir(genDir)) files[f] = (await stat(path.join(genDir, f))).size;
  return {
    ms: Math.round(ms),
    mode: summary.mode,
    documents: summary.documents,
    passages: summary.passages,
    skipped: summary.skipped.map((s) => `${s.path}: ${s.reason}`).slice(0, 5),
    skippedCount: summary.skipped.length,
    updated: summary.updated,
    indexBytes: await directorySize(genDir),
    indexFiles: files,
    workers: summary.workers,
    peakRssMb: peakRssMb(),
  };
}

/**
 * Opens the engine as the bot does (warming up in the background) and asks a first question right away,
 * timing both: what `serve` and `evaluate` report first. The questions after it are timed once the
 * background warm-up is over, as the bot answers a few seconds after its start.
 */
async function openTimed(args: IndexArgs) {
  const { QaEngine } = await import("../../src/qa/engine.js");
  const openStarted = performance.now();
  const engine = await QaEngine.open(args.indexDir, { efSearch: args.efSearch, backgroundWarmUp: true });
  const loadMs = performance.now() - openStarted;
  const rssAfterLoadMb = Math.round(process.memoryUsage().rss / 1048576);
  const firstStarted = performance.now();
  await engine.ask("Có bao nhiêu chi bộ cơ sở?");
  const firstAskMs = performance.now() - firstStarted;
  await engine.warmedUp();
  return { engine, loadMs, rssAfterLoadMb, firstAskMs };
}

/** Opens the engine and answers every question, timing each. */
async function serve(args: IndexArgs & { questionsFile: string }): Promise<object> {
  const { docIdFor } = await import("../../src/index/ingest.js");
  const questions = await readQuestions(args.questionsFile);
  const { engine, loadMs, rssAfterLoadMb, firstAskMs } = await openTimed(args);
  const latencies: number[] = [];
  let answered = 0;
  let correct = 0;
  let docHit1 = 0;
  for (const q of questions) {
    const started = performance.now();
    const result = await engine.ask(q.q);
    latencies.push(performance.now() - started);
    if (!result.abstained && result.answer !== null) {
      answered++;
      if (q.expect.some((e) => result.answer?.includes(e))) correct++;
    }
    if (result.citations[0]?.docId === docIdFor(q.path)) docHit1++;
  }
  const n = Math.max(1, questions.length);
  return { ...timings({ loadMs, firstAskMs, rssAfterLoadMb }, latencies), answered: answered / n, correct: correct / n, docHit1: docHit1 / n, peakRssMb: peakRssMb() };
}

/** The load, first-answer and per-question timings `serve` and `evaluate` both report. */
function timings(opened: { loadMs: number; firstAskMs: number; rssAfterLoadMb: number }, latencies: readonly number[]) {
  return {
    loadMs: Math.round(opened.loadMs),
    firstAskMs: Math.round(opened.firstAskMs * 100) / 100,
    rssAfterLoadMb: opened.rssAfterLoadMb,
    latency: summarizeLatencies(latencies),
    latenciesMs: latencies.map((x) => Math.round(x * 100) / 100),
  };
}

/**
 * Opens the engine and runs question sets in the evaluation format (expect_any / expect_all /
 * expect_abstain), timing each: latency as `serve` reports it, plus accuracy and citation hits.
 */
async function evaluate(args: IndexArgs & { questionsFile: string }): Promise<object> {
  const { judge, parseQuestions, summarize } = await import("../../src/qa/evaluate.js");
  const questions = parseQuestions(await readFile(args.questionsFile, "utf8"));
  const { engine, loadMs, rssAfterLoadMb, firstAskMs } = await openTimed(args);
  const latencies: number[] = [];
  const outcomes = [];
  for (const q of questions) {
    const started = performance.now();
    const result = await engine.ask(q.q);
    latencies.push(performance.now() - started);
    outcomes.push(judge(q, result));
  }
  const report = summarize(outcomes, questions);
  const n = Math.max(1, questions.length);
  return {
    ...timings({ loadMs, firstAskMs, rssAfterLoadMb }, latencies),
    answered: outcomes.filter((o) => o.answer !== null).length / n,
    correct: report.accuracy,
    docHit1: report.hit1,
    accuracy: { ...report, missed: outcomes.filter((o) => !o.correct).map((o) => o.id) },
    peakRssMb: peakRssMb(),
  };
}

/**
 * HNSW recall@k at the configured ef (and a few larger ones, for choosing it) against exact search over
 * the same stored vectors, for the questions' query vectors. A neighbour counts when its exact
 * similarity reaches the k-th best (ties count).
 */
async function recall(args: IndexArgs & { questionsFile: string; k: number; efSweep: number[] }): Promise<object> {
  const { loadIndex } = await import("../../src/index/store.js");
  const { understandQuestion } = await import("../../src/qa/query.js");
  const index = await loadIndex(args.indexDir, { efSearch: args.efSearch });
  const hnsw = index.vectorStore.index;
  const dim = index.embeddings.dimensions;
  const labels = index.passages.map((p) => p.label);
  const vectors = new Float32Array(labels.length * dim);
  labels.forEach((label, row) => vectors.set(hnsw.getPoint(label), row * dim));
  const rowOf = new Map(labels.map((label, row) => [label, row]));
  const questions = await readQuestions(args.questionsFile);
  const k = Math.min(args.k, labels.length);
  const exact = questions.map((q) => {
    const query = index.embeddings.embedSync(understandQuestion(q.q).searchText);
    const scores = new Float32Array(labels.length);
    for (let row = 0; row < labels.length; row++) {
      let dot = 0;
      const base = row * dim;
      for (let j = 0; j < dim; j++) dot += (vectors[base + j] ?? 0) * (query[j] ?? 0);
      scores[row] = dot;
    }
    const kth = Float32Array.from(scores).sort()[labels.length - k] ?? -Infinity;
    return { query: Array.from(query), scores, kth };
  });
  const measure = (ef: number): { ef: number; recall: number; searchMeanMs: number } => {
    hnsw.setEf(ef);
    let found = 0;
    let searchMs = 0;
    for (const { query, scores, kth } of exact) {
      const started = performance.now();
      const result = hnsw.searchKnn(query, k);
      searchMs += performance.now() - started;
      for (const label of result.neighbors) {
        const row = rowOf.get(label);
        if (row !== undefined && (scores[row] ?? -Infinity) >= kth - 1e-6) found++;
      }
    }
    return { ef, recall: Math.round((found / Math.max(1, exact.length * k)) * 1000) / 1000, searchMeanMs: Math.round((searchMs / Math.max(1, exact.length)) * 1000) / 1000 };
  };
  const configured = measure(index.efSearch);
  const sweep = args.efSweep.filter((ef) => ef !== index.efSearch).map(measure);
  return { k: args.k, efSearch: index.efSearch, measuredAtIngest: index.manifest.vectorSearch ?? null, queries: questions.length, recall: configured.recall, hnswSearchMeanMs: configured.searchMeanMs, sweep, peakRssMb: peakRssMb() };
}

/** Time from process start to the first answer: what a user waits for after the bot starts. */
async function startup(args: IndexArgs & { question: string }): Promise<object> {
  const importStarted = performance.now();
  const { QaEngine } = await import("../../src/qa/engine.js");
  const openStarted = performance.now();
  // (Opened as the bot opens it: the warm-up runs after the first question, between questions.)
  const engine = await QaEngine.open(args.indexDir, { efSearch: args.efSearch, backgroundWarmUp: true });
  const askStarted = performance.now();
  const result = await engine.ask(args.question);
  const done = performance.now();
  return {
    // performance.now() counts from the start of the process (its time origin).
    sinceProcessStartMs: Math.round(done),
    beforeImportMs: Math.round(importStarted),
    importMs: Math.round(openStarted - importStarted),
    openMs: Math.round(askStarted - openStarted),
    firstAskMs: Math.round((done - askStarted) * 100) / 100,
    openPlusFirstAskMs: Math.round(done - openStarted),
    answered: !result.abstained,
    peakRssMb: peakRssMb(),
  };
}

/** LangChain's BM25Retriever over the same passages, timed per query on a fixed sample of questions. */
async function baseline(args: { indexDir: string; questionsFile: string; sample: number; k: number }): Promise<object> {
  const { BM25Retriever } = await import("@langchain/community/retrievers/bm25");
  const { Document } = await import("@langchain/core/documents");
  const { currentGeneration, readStoredPassages } = await import("../../src/index/store.js");
  const { docIdFor } = await import("../../src/index/ingest.js");
  const generation = await currentGeneration(args.indexDir);
  const passages = await readStoredPassages(path.join(args.indexDir, generation ?? ""));
  const docs = passages.map((p) => new Document({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } }));
  const buildStarted = performance.now();
  const retriever = BM25Retriever.fromDocuments(docs, { k: args.k });
  const buildMs = performance.now() - buildStarted;
  const questions = await readQuestions(args.questionsFile);
  const sample = evenSample(questions.length, args.sample);
  const latencies: number[] = [];
  let docHit1 = 0;
  for (const i of sample) {
    const q = questions[i];
    if (!q) continue;
    const started = performance.now();
    const hits = await retriever.invoke(q.q);
    latencies.push(performance.now() - started);
    if (q.path !== undefined && hits[0]?.metadata.docId === docIdFor(q.path)) docHit1++;
  }
  return {
    sample,
    buildMs: Math.round(buildMs),
    latency: summarizeLatencies(latencies),
    latenciesMs: latencies.map((x) => Math.round(x * 100) / 100),
    docHit1: docHit1 / Math.max(1, sample.length),
    peakRssMb: peakRssMb(),
  };
}

/** The quiz bank builder over the index's passages, as `runIngest` calls it after indexing. */
async function quiz(args: { indexDir: string }): Promise<object> {
  const { buildQuizBank } = await import("../../src/quiz/generate.js");
  const { currentGeneration, readStoredPassages } = await import("../../src/index/store.js");
  const generation = await currentGeneration(args.indexDir);
  const passages = await readStoredPassages(path.join(args.indexDir, generation ?? ""));
  const started = performance.now();
  const result = buildQuizBank(passages);
  return { ms: Math.round(performance.now() - started), questions: result.questions, dropped: result.dropped, peakRssMb: peakRssMb() };
}

const PHASES: Record<string, (args: never) => Promise<object>> = { ingest, serve, evaluate, recall, startup, baseline, quiz };

async function main(): Promise<void> {
  const [phase, json] = process.argv.slice(2);
  const run = phase ? PHASES[phase] : undefined;
  if (!run || json === undefined) throw new Error(`usage: worker.ts <${Object.keys(PHASES).join("|")}> '<json args>'`);
  const result = await run(JSON.parse(json) as never);
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
