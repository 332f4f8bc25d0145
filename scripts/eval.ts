/**
 * `npm run eval -- [--questions FILE]… [--index DIR] [--corpus-extra DIR]… [--distractors DIR]… [--work DIR]
 * [--full] [--verbose] [--json]` — answer accuracy, citation hit@1/hit@3 per kind and latency p50/p95, one
 * table per question file. With --corpus-extra, an index is built from the corpus plus those folders; with
 * --distractors, a second index adds those folders of unrelated documents and both runs are reported side
 * by side. --work keeps the built corpora and indexes in DIR, so that the next run only re-reads what
 * changed (--full rebuilds them). Lines with the same `chat` field are one conversation: a follow-up is
 * read against the lines before it.
 */
import "dotenv/config";
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureIndex, ingestSettings, runIngest, type IngestSettings } from "../src/app/ingestRunner.js";
import { loadConfig } from "../src/config.js";
import { describeError } from "../src/errors.js";
import { askInConversation, ConversationMemory } from "../src/qa/conversationMemory.js";
import { QaEngine } from "../src/qa/engine.js";
import { judge, parseQuestions, summarize, type EvalOutcome, type EvalQuestion, type EvalReport } from "../src/qa/evaluate.js";

interface QuestionFile {
  file: string;
  questions: EvalQuestion[];
}

/** Builds (or refreshes) an index of the corpus plus `extras` in `dir`; returns the index folder. */
async function buildIndex(settings: IngestSettings, dir: string, extras: readonly string[], full: boolean): Promise<string> {
  const corpusDir = path.join(dir, "corpus");
  await rm(corpusDir, { recursive: true, force: true });
  await mkdir(corpusDir, { recursive: true });
  await cp(settings.corpusDir, path.join(corpusDir, "shipped"), { recursive: true });
  // Extra folders are linked, not copied: the distractor haystack is 2,000 files.
  for (const extra of extras) await symlink(path.resolve(extra), path.join(corpusDir, path.basename(extra)), "dir");
  const indexDir = path.join(dir, "index");
  const started = performance.now();
  const summary = await runIngest({ ...settings, corpusDir, indexDir }, { full });
  console.error(`index ${dir}: ${summary.documents} documents, ${summary.passages} passages (${summary.mode}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return indexDir;
}

async function run(indexDir: string, files: readonly QuestionFile[], efSearch: number | undefined, verbose: boolean, ttlMs: number): Promise<Map<string, { report: EvalReport; outcomes: EvalOutcome[] }>> {
  // Latency is measured as the bot serves a few seconds after its start: once its background warm-up is over.
  const engine = await QaEngine.open(indexDir, { ...(efSearch !== undefined ? { efSearch } : {}), backgroundWarmUp: true });
  await engine.warmedUp();
  // Lines with the same `chat` are one conversation, in file order.
  const conversations = new ConversationMemory({ ttlMs });
  const out = new Map<string, { report: EvalReport; outcomes: EvalOutcome[] }>();
  for (const { file, questions } of files) {
    const outcomes: EvalOutcome[] = [];
    for (const q of questions) {
      const { result, resolution } = q.chat !== undefined ? await askInConversation((t) => engine.ask(t), conversations, String(q.chat), q.q) : { result: await engine.ask(q.q), resolution: null };
      const outcome = judge(q, result);
      outcomes.push(outcome);
      if (verbose && (!outcome.correct || !outcome.hit1)) {
        const understood = resolution && resolution.kind !== "standalone" ? `\n     Hiểu là: ${resolution.question}` : "";
        console.log(`${outcome.correct ? "ok  " : "MISS"} ${outcome.hit1 || q.source === undefined ? "" : "(cite miss) "}${q.id} [${q.kind}] ${q.q}${understood}\n     → ${result.abstained ? `ABSTAIN (${result.reason})` : result.answer}`);
      }
    }
    out.set(file, { report: summarize(outcomes, questions), outcomes });
  }
  return out;
}

function describe(report: EvalReport): string[] {
  const lines = [`questions: ${report.total}   accuracy: ${report.accuracy.toFixed(3)}   wrong answers: ${report.wrongAnswers}   hit@1: ${report.hit1.toFixed(3)}   hit@3: ${report.hit3.toFixed(3)}`];
  for (const [kind, k] of Object.entries(report.byKind)) lines.push(`  ${kind.padEnd(10)} n=${String(k.n).padStart(3)}  accuracy ${k.accuracy.toFixed(3)}`);
  lines.push(`latency: p50 ${report.p50Ms.toFixed(2)} ms   p95 ${report.p95Ms.toFixed(2)} ms`);
  return lines;
}

function sideBySide(base: EvalReport, more: EvalReport): string[] {
  const row = (label: string, a: number, b: number, digits = 3): string =>
    `  ${label.padEnd(18)} ${a.toFixed(digits).padStart(8)} ${b.toFixed(digits).padStart(16)} ${(b - a >= 0 ? "+" : "") + (b - a).toFixed(digits)}`;
  const lines = [`  ${"".padEnd(18)} ${"corpus".padStart(8)} ${"+ distractors".padStart(16)}  change`];
  lines.push(row("accuracy", base.accuracy, more.accuracy), row("wrong answers", base.wrongAnswers, more.wrongAnswers, 0), row("hit@1", base.hit1, more.hit1), row("hit@3", base.hit3, more.hit3));
  for (const [kind, k] of Object.entries(base.byKind)) lines.push(row(`${kind} (n=${k.n})`, k.accuracy, more.byKind[kind]?.accuracy ?? 0));
  lines.push(row("p50 ms", base.p50Ms, more.p50Ms, 2), row("p95 ms", base.p95Ms, more.p95Ms, 2));
  return lines;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      questions: { type: "string", multiple: true },
      index: { type: "string" },
      "corpus-extra": { type: "string", multiple: true },
      distractors: { type: "string", multiple: true },
      work: { type: "string" },
      full: { type: "boolean" },
      verbose: { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const config = loadConfig();
  const settings = ingestSettings(config);
  const files: QuestionFile[] = [];
  for (const file of values.questions ?? ["eval/questions.jsonl"]) files.push({ file, questions: parseQuestions(await readFile(file, "utf8")) });
  const extras = values["corpus-extra"] ?? [];
  const distractors = values.distractors ?? [];
  // A folder that is not there would be linked in and skipped by ingest: the figures would be another corpus's.
  for (const [flag, folder] of [...extras.map((f) => ["--corpus-extra", f] as const), ...distractors.map((f) => ["--distractors", f] as const)]) {
    const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
    if (!isFolder) {
      console.error(`eval: ${flag} ${folder} is not a folder (from ${process.cwd()})`);
      return 2;
    }
  }
  const work = values.work ?? (await mkdtemp(path.join(os.tmpdir(), "eval-")));
  const full = values.full ?? false;
  try {
    let indexDir = values.index ?? settings.indexDir;
    if (extras.length > 0 || distractors.length > 0) indexDir = await buildIndex(settings, path.join(work, "corpus-run"), extras, full);
    else if (!values.index) await ensureIndex(settings, (notice) => console.error(notice.message));
    const base = await run(indexDir, files, config.HNSW_EF_SEARCH, values.verbose ?? false, config.CONVERSATION_TTL_MS);
    let more: Awaited<ReturnType<typeof run>> | null = null;
    if (distractors.length > 0) {
      const haystack = await buildIndex(settings, path.join(work, "distractor-run"), [...extras, ...distractors], full);
      if (values.verbose) console.log("--- with distractors ---");
      more = await run(haystack, files, config.HNSW_EF_SEARCH, values.verbose ?? false, config.CONVERSATION_TTL_MS);
    }
    if (values.json) {
      const json = files.map(({ file }) => ({ file, report: base.get(file)?.report, outcomes: base.get(file)?.outcomes, distractors: more?.get(file)?.report ?? null }));
      console.log(JSON.stringify(files.length === 1 ? (json[0]?.report ?? null) : json));
      return 0;
    }
    for (const { file } of files) {
      const a = base.get(file)?.report;
      if (!a) continue;
      if (files.length > 1 || more) console.log(`== ${file}`);
      const b = more?.get(file)?.report;
      console.log((b ? sideBySide(a, b) : describe(a)).join("\n"));
    }
    return 0;
  } finally {
    if (!values.work) await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`eval failed: ${describeError(err)}`);
    process.exit(1);
  },
);
