/**
 * `npm run --silent ask -- [--json] [--index DIR] "question"` and `--json --batch FILE` (JSON lines with
 * `id` and `q`, optionally `chat`: lines with the same `chat` are one conversation, in file order, so a
 * follow-up like "còn phường thì sao?" is read against the line before it). Without --index the default
 * index is used, and built first if missing.
 */
import "dotenv/config";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ensureIndex, ingestSettings } from "../src/app/ingestRunner.js";
import { formatAnswerText } from "../src/cli/format.js";
import { loadConfig } from "../src/config.js";
import { describeError, isAppError } from "../src/errors.js";
import { askInConversation, ConversationMemory, understoodLine } from "../src/qa/conversationMemory.js";
import type { Resolution } from "../src/qa/conversation.js";
import { QaEngine } from "../src/qa/engine.js";

function toJson(result: Awaited<ReturnType<QaEngine["ask"]>>, id?: unknown, resolution?: Resolution): string {
  const citations = result.citations.map((c) => ({ docId: c.docId, title: c.title, location: c.location, passage: c.passage }));
  const understood = resolution && resolution.kind !== "standalone" ? { understood: resolution.question, followUp: resolution.kind } : {};
  return JSON.stringify({ ...(id !== undefined ? { id } : {}), question: result.question, ...understood, answer: result.answer, abstained: result.abstained, citations, ms: result.ms });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" }, batch: { type: "string" }, index: { type: "string" } } });
  const config = loadConfig();
  const settings = ingestSettings(config);
  const indexDir = values.index ?? settings.indexDir;
  // Notices go to stderr: stdout stays one answer (or one JSON line) per question.
  if (!values.index) await ensureIndex(settings, (notice) => console.error(notice.message));
  const engine = await QaEngine.open(indexDir, { efSearch: config.HNSW_EF_SEARCH });
  if (values.batch) {
    const conversations = new ConversationMemory({ ttlMs: config.CONVERSATION_TTL_MS });
    // A byte-order mark (as Windows editors write) would make the first line unreadable as JSON.
    const text = (await readFile(values.batch, "utf8")).replace(/^\uFEFF/, "");
    for (const [n, line] of text.split("\n").entries()) {
      if (line.trim() === "") continue;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        console.error(`line ${n + 1}: not JSON, skipped`);
        continue;
      }
      // `null`, numbers, strings and arrays are JSON too, but not a question.
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        console.error(`line ${n + 1}: not a JSON object, skipped`);
        continue;
      }
      if (!("q" in item) || typeof item.q !== "string") {
        console.error(`line ${n + 1}: no "q" string, skipped`);
        continue;
      }
      const id = "id" in item ? item.id : undefined;
      // A line with a `chat` field continues that conversation; without one, it stands alone.
      const chat = "chat" in item && (typeof item.chat === "string" || typeof item.chat === "number") ? String(item.chat) : null;
      if (chat === null) {
        const result = await engine.ask(item.q);
        console.log(values.json ? toJson(result, id) : formatAnswerText(result));
        continue;
      }
      const { result, resolution } = await askInConversation((q) => engine.ask(q), conversations, chat, item.q);
      const understood = understoodLine(resolution, result);
      console.log(values.json ? toJson(result, id, resolution) : `${understood ? `${understood}\n` : ""}${formatAnswerText(result)}`);
    }
    return 0;
  }
  const question = positionals.join(" ").trim();
  if (!question) {
    console.error('Usage: npm run --silent ask -- [--json] "câu hỏi"   (or --json --batch FILE)');
    return 2;
  }
  const result = await engine.ask(question);
  console.log(values.json ? toJson(result) : formatAnswerText(result));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ask failed: ${describeError(err)}${isAppError(err) ? ` [${err.code}]` : ""}`);
    process.exit(1);
  },
);
