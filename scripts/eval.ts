/**
 * `npm run eval -- [--questions FILE]… [--index DIR] [--corpus-extra DIR] [--verbose]` — accuracy, citation
 * hit@1/hit@3 per kind, and latency p50/p95. With --corpus-extra, a temporary index is built from the
 * corpus plus that folder.
 */
import "dotenv/config";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureIndex, ingestSettings, runIngest } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { describeError } from "../src/errors.js";
import { askInConversation, ConversationMemory } from "../src/qa/conversationMemory.js";
import { QaEngine } from "../src/qa/engine.js";
import { judge, parseQuestions, summarize } from "../src/qa/evaluate.js";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { questions: { type: "string", multiple: true }, index: { type: "string" }, "corpus-extra": { type: "string", multiple: true }, verbose: { type: "boolean" }, json: { type: "boolean" } },
  });
  const config = loadConfig();
  const settings = ingestSettings(config);
  const files = values.questions ?? ["eval/questions.jsonl"];
  let indexDir = values.index ?? settings.indexDir;
  let cleanup: string | null = null;
  if (values["corpus-extra"]?.length) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "eval-"));
    cleanup = tmp;
    const corpusDir = path.join(tmp, "corpus");
    await cp(settings.corpusDir, corpusDir, { recursive: true });
    for (const extra of values["corpus-extra"]) await cp(extra, path.join(corpusDir, path.basename(extra)), { recursive: true });
    indexDir = path.join(tmp, "index");
    await runIngest({ ...settings, corpusDir, indexDir });
  } else if (!values.index) {
    await ensureIndex(settings);
  }
  try {
    const engine = await QaEngine.open(indexDir, { efSearch: config.HNSW_EF_SEARCH });
    const questions = (await Promise.all(files.map((f) => readFile(f, "utf8")))).flatMap(parseQuestions);
    const outcomes = [];
    const conversations = new ConversationMemory({ ttlMs: config.CONVERSATION_TTL_MS });
    for (const q of questions) {
      const { result, resolution } = q.chat !== undefined ? await askInConversation((t) => engine.ask(t), conversations, String(q.chat), q.q) : { result: await engine.ask(q.q), resolution: null };
      const outcome = judge(q, result);
      outcomes.push(outcome);
      if (values.verbose && (!outcome.correct || !outcome.hit1)) {
        const understood = resolution && resolution.kind !== "standalone" ? `\n     Hiểu là: ${resolution.question}` : "";
        console.log(`${outcome.correct ? "ok  " : "MISS"} ${outcome.hit1 || q.source === undefined ? "" : "(cite miss) "}${q.id} [${q.kind}] ${q.q}${understood}\n     → ${result.abstained ? `ABSTAIN (${result.reason})` : result.answer}`);
      }
    }
    const report = summarize(outcomes, questions);
    if (values.json) {
      console.log(JSON.stringify(report));
      return 0;
    }
    console.log(`questions: ${report.total}   accuracy: ${report.accuracy.toFixed(3)}   hit@1: ${report.hit1.toFixed(3)}   hit@3: ${report.hit3.toFixed(3)}`);
    for (const [kind, k] of Object.entries(report.byKind)) console.log(`  ${kind.padEnd(10)} n=${String(k.n).padStart(3)}  accuracy ${k.accuracy.toFixed(3)}`);
    console.log(`latency: p50 ${report.p50Ms.toFixed(2)} ms   p95 ${report.p95Ms.toFixed(2)} ms`);
    return 0;
  } finally {
    if (cleanup) await rm(cleanup, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`eval failed: ${describeError(err)}`);
    process.exit(1);
  },
);
