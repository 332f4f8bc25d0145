/**
 * `npm run loadtest -- [--users 200] [--questions 10] [--timeout-s 300] [--in-process] [--out bench/loadtest.json]`
 *
 * Simulated users against the real app: starts the Bot API emulator from testing/ on 127.0.0.1
 * (nothing leaves the machine) and the app as `npm start` runs it (src/main.ts → startApp) with a
 * temporary corpus copy, index and data folder. Each user asks its questions one after another (the
 * next once the answer has arrived), all users at once, with questions taken in turn from
 * eval/questions.jsonl. Then it prints and writes: total, answered, errors, duplicates, end-to-end
 * latency (update queued at the emulator → its reply recorded there) p50/p95/max, throughput and
 * the app's peak RSS. Bounded: at most 1000 users × 100 questions, and it stops at --timeout-s.
 *
 * The app runs in its own process by default, as in production. `--in-process` calls startApp in
 * this process instead: the emulator's HTTP server then shares the app's event loop, and while the
 * app computes answers the server is slow to accept new connections — the first questions of a large
 * burst wait seconds for that, which says nothing about the bot.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Update } from "grammy/types";
import { describeError } from "../src/errors.js";
import { startApp } from "../src/main.js";
import { type BotApiEmulator, privateChat, type RecordedCall, startBotApiEmulator, user } from "../testing/botApiEmulator.js";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Options of {@link runLoadTest}; every limit keeps the run bounded. */
export interface LoadTestOptions {
  /** Simulated users, each in its own private chat (1–1000). */
  users: number;
  /** Questions each user asks, one after another (1–100). */
  questions: number;
  /** The whole run stops after this long, answered or not, in ms. */
  timeoutMs: number;
  /** Runs the app in this process (see the module comment) instead of its own. */
  isInProcess?: boolean;
  /** Corpus folder copied into the temporary workspace. */
  corpusDir?: string;
  /** JSON lines with a "q" field, the questions asked in turn. */
  questionsFile?: string;
}

/** The figures of one run (bench/loadtest.json). */
export interface LoadTestReport {
  users: number;
  questionsPerUser: number;
  appProcess: "child" | "in-process";
  total: number;
  /** Questions that got their reply (an answer, or a plain "not in the documents"). */
  answered: number;
  /** Of those, the ones where the documents had no answer. */
  abstained: number;
  /** Questions handled with another outcome (error, rate_limited, …), refused API calls, error log lines, and questions never handled. */
  errors: number;
  /** Questions never handled within the time limit (counted in errors too). */
  unanswered: number;
  /** Updates handled more than once, plus answers delivered more than once. */
  duplicates: number;
  latencyMs: { p50: number; p95: number; max: number; mean: number };
  /** Answered questions per second over the whole run. */
  throughputPerS: number;
  durationMs: number;
  /** The app's peak resident set (its process's high-water mark; with --in-process, this whole process). Null where /proc is missing. */
  peakRssMb: number | null;
  /** This process's peak resident set while the users asked (emulator and simulated users). */
  loadGeneratorPeakRssMb: number;
  node: string;
  cpus: number;
  startedAt: string;
}

const LIMITS = { users: 1000, questions: 100 };
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** Reads the app's JSON log lines as they are written: update outcomes per update id, start-up, errors. */
class LogWatcher {
  readonly stream: Writable;
  readonly outcomes = new Map<number, string[]>();
  /** Lines logged at level error (warnings are not failures). */
  errorLines = 0;
  /** Everything that was not a JSON log line (a failed start explains itself there). */
  other = "";
  readonly started: Promise<void>;
  private markStarted: () => void = () => undefined;
  private rest = "";
  private readonly waiters = new Map<number, () => void>();

  constructor() {
    this.started = new Promise((resolve) => (this.markStarted = resolve));
    this.stream = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.take(chunk.toString("utf8"));
        done();
      },
    });
  }

  /** Resolves once the update's log line is written (it is written after its replies are sent). */
  handled(updateId: number): Promise<void> {
    if (this.outcomes.has(updateId)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(updateId, resolve));
  }

  private take(text: string): void {
    const lines = (this.rest + text).split("\n");
    this.rest = lines.pop() ?? "";
    for (const line of lines) {
      let record: { msg?: unknown; level?: unknown; update_id?: unknown; outcome?: unknown };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        this.other += `${line}\n`;
        continue;
      }
      if (record.level === "error") this.errorLines++;
      if (record.msg === "bot started") this.markStarted();
      if (record.msg !== "update" || typeof record.update_id !== "number") continue;
      const seen = this.outcomes.get(record.update_id) ?? [];
      seen.push(String(record.outcome));
      this.outcomes.set(record.update_id, seen);
      this.waiters.get(record.update_id)?.();
      this.waiters.delete(record.update_id);
    }
  }
}

/** The app under load, wherever it runs. */
interface AppUnderLoad {
  stop(): Promise<void>;
  /** Peak resident set in bytes so far, or null when it cannot be read. */
  peakRssBytes(): number | null;
}

/** The high-water mark of a process's resident set (Linux /proc), in bytes. */
function processPeakRss(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** `node --import tsx src/main.ts` with exactly `env` (plus PATH and HOME). */
async function startChild(env: Record<string, string>, logs: LogWatcher): Promise<AppUnderLoad> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(logs.stream);
  child.stderr?.on("data", (c: Buffer) => (logs.other += c.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const failed = exited.then((code) => {
    throw new Error(`the app exited (code ${code}) before starting:\n${logs.other}`);
  });
  failed.catch(() => undefined);
  try {
    await withTimeout(Promise.race([logs.started, failed]), START_TIMEOUT_MS, "starting the app");
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  const pid = child.pid ?? 0;
  let peak = processPeakRss(pid);
  return {
    peakRssBytes: () => (peak = processPeakRss(pid) ?? peak),
    stop: async () => {
      peak = processPeakRss(pid) ?? peak;
      child.kill("SIGTERM");
      await withTimeout(exited, STOP_TIMEOUT_MS, "stopping the app").catch(() => child.kill("SIGKILL"));
    },
  };
}

/** startApp in this process. */
async function startHere(env: Record<string, string>, logs: LogWatcher): Promise<AppUnderLoad> {
  const app = await startApp(env, { io: { stdout: logs.stream, stderr: logs.stream } });
  return { stop: () => app.stop(), peakRssBytes: () => processPeakRss(process.pid) };
}

async function loadQuestions(file: string): Promise<string[]> {
  const questions = (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => (JSON.parse(l) as { q?: unknown }).q)
    .filter((q): q is string => typeof q === "string");
  if (questions.length === 0) throw new Error(`${file} has no {"q": …} lines`);
  return questions;
}

/** The last successful sendMessage to `chatId` since `sinceMs` (the reply's last part, with its buttons). */
function lastReply(api: BotApiEmulator, chatId: number, sinceMs: number): RecordedCall | undefined {
  for (let i = api.calls.length - 1; i >= 0; i--) {
    const c = api.calls[i];
    if (c && c.method === "sendMessage" && c.ok && Number(c.params.chat_id) === chatId && c.at >= sinceMs) return c;
  }
  return undefined;
}

/** Runs the load test and returns its figures; starts and stops everything it needs. */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestReport> {
  if (!(options.users >= 1 && options.users <= LIMITS.users)) throw new RangeError(`--users must be 1–${LIMITS.users}`);
  if (!(options.questions >= 1 && options.questions <= LIMITS.questions)) throw new RangeError(`--questions must be 1–${LIMITS.questions}`);
  if (!(options.timeoutMs > 0)) throw new RangeError("--timeout-s must be positive");
  const questions = await loadQuestions(options.questionsFile ?? path.join(ROOT, "eval/questions.jsonl"));
  const workspace = await mkdtemp(path.join(tmpdir(), "loadtest-"));
  const corpusDir = path.join(workspace, "corpus");
  await cp(options.corpusDir ?? path.join(ROOT, "corpus"), corpusDir, { recursive: true });
  await mkdir(path.join(workspace, "data"), { recursive: true });

  const logs = new LogWatcher();
  let emulator: BotApiEmulator | undefined;
  let app: AppUnderLoad | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    emulator = await startBotApiEmulator();
    const env: Record<string, string> = {
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.url,
      CORPUS_DIR: corpusDir,
      INDEX_DIR: path.join(workspace, "index"),
      DATA_DIR: path.join(workspace, "data"),
      // Each simulated user asks faster than a person would: the limiter must not be what is measured.
      RATE_LIMIT_PER_MINUTE: String(Math.max(1000, options.questions * 10)),
      RELOAD_POLL_MS: "60000",
      LOG_LEVEL: "info",
      // Empty values win over a developer's .env (dotenv never overrides): no allowlist, no webhook.
      ALLOWED_USER_IDS: "",
      ALLOWED_CHAT_IDS: "",
      BOT_MODE: "",
    };
    app = options.isInProcess ? await startHere(env, logs) : await startChild(env, logs);
    const api = emulator;
    const deadline = Date.now() + options.timeoutMs;
    const latencies: number[] = [];
    const asked: Update[] = [];
    let generatorPeakRss = process.memoryUsage.rss();
    sampler = setInterval(() => (generatorPeakRss = Math.max(generatorPeakRss, process.memoryUsage.rss())), 50);

    const started = performance.now();
    const simulateUser = async (index: number): Promise<void> => {
      const who = user(100_000 + index, { firstName: `Người dùng ${index}` });
      for (let n = 0; n < options.questions && Date.now() < deadline; n++) {
        const question = questions[(index * options.questions + n) % questions.length] ?? "";
        const queuedAt = Date.now();
        const update = api.sendText(who, privateChat(who), question);
        asked.push(update);
        let timer: NodeJS.Timeout | undefined;
        const isHandled = await Promise.race([
          logs.handled(update.update_id).then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())))),
        ]);
        clearTimeout(timer);
        if (!isHandled) return;
        const reply = lastReply(api, who.id, queuedAt);
        if (reply !== undefined) latencies.push(reply.at - queuedAt);
      }
    };
    await Promise.all(Array.from({ length: options.users }, (_, i) => simulateUser(i)));
    const durationMs = performance.now() - started;
    clearInterval(sampler);

    const total = options.users * options.questions;
    let answered = 0;
    let abstained = 0;
    let otherOutcomes = 0;
    let handledTwice = 0;
    for (const update of asked) {
      const outcomes = logs.outcomes.get(update.update_id) ?? [];
      handledTwice += Math.max(0, outcomes.length - 1);
      const outcome = outcomes[0];
      if (outcome === "answered" || outcome === "abstained") answered++;
      if (outcome === "abstained") abstained++;
      if (outcome !== undefined && outcome !== "answered" && outcome !== "abstained") otherOutcomes++;
    }
    const unanswered = total - asked.filter((u) => logs.outcomes.has(u.update_id)).length;
    // An answer ends with its buttons: more such messages in a chat than questions asked there is a duplicate.
    const answersPerChat = new Map<number, number>();
    for (const c of api.delivered("sendMessage")) {
      if (c.params.reply_markup === undefined) continue;
      answersPerChat.set(Number(c.params.chat_id), (answersPerChat.get(Number(c.params.chat_id)) ?? 0) + 1);
    }
    const askedPerChat = new Map<number, number>();
    for (const u of asked) askedPerChat.set(u.message?.chat.id ?? 0, (askedPerChat.get(u.message?.chat.id ?? 0) ?? 0) + 1);
    let extraAnswers = 0;
    for (const [chat, n] of answersPerChat) extraAnswers += Math.max(0, n - (askedPerChat.get(chat) ?? 0));
    const refusedCalls = api.calls.filter((c) => c.method !== "getUpdates" && !c.ok).length;
    const peakRss = app.peakRssBytes();

    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      users: options.users,
      questionsPerUser: options.questions,
      appProcess: options.isInProcess ? "in-process" : "child",
      total,
      answered,
      abstained,
      errors: otherOutcomes + refusedCalls + unanswered + logs.errorLines,
      unanswered,
      duplicates: handledTwice + extraAnswers,
      latencyMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1) ?? 0,
        mean: sorted.length === 0 ? 0 : Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
      },
      throughputPerS: Math.round((answered / (durationMs / 1000)) * 10) / 10,
      durationMs: Math.round(durationMs),
      peakRssMb: peakRss === null ? null : Math.round(peakRss / 1024 / 1024),
      loadGeneratorPeakRssMb: Math.round(generatorPeakRss / 1024 / 1024),
      node: process.version,
      cpus: cpus().length,
      startedAt: new Date().toISOString(),
    };
  } finally {
    clearInterval(sampler);
    await app?.stop().catch(() => undefined);
    await emulator?.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** The report as a few aligned lines. */
export function formatReport(r: LoadTestReport): string {
  return [
    `Load test: ${r.users} users × ${r.questionsPerUser} questions = ${r.total} questions (app ${r.appProcess}, ${r.cpus} CPUs, Node ${r.node})`,
    `answered   ${r.answered} (${r.abstained} of them "not in the documents")`,
    `errors     ${r.errors} (unanswered ${r.unanswered})`,
    `duplicates ${r.duplicates}`,
    `latency    p50 ${r.latencyMs.p50} ms · p95 ${r.latencyMs.p95} ms · max ${r.latencyMs.max} ms · mean ${r.latencyMs.mean} ms (queued → reply recorded)`,
    `throughput ${r.throughputPerS} answers/s over ${(r.durationMs / 1000).toFixed(1)} s`,
    `peak RSS   app ${r.peakRssMb ?? "?"} MB · emulator and simulated users ${r.loadGeneratorPeakRssMb} MB`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "200" },
      questions: { type: "string", default: "10" },
      "timeout-s": { type: "string", default: "300" },
      "in-process": { type: "boolean", default: false },
      out: { type: "string", default: path.join(ROOT, "bench/loadtest.json") },
    },
  });
  const report = await runLoadTest({
    users: Number(values.users),
    questions: Number(values.questions),
    timeoutMs: Number(values["timeout-s"]) * 1000,
    isInProcess: values["in-process"],
  });
  console.log(formatReport(report));
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), values.out)}`);
  return report.errors === 0 && report.duplicates === 0 ? 0 : 1;
}

const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(path.resolve(script)).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`loadtest failed: ${describeError(err)}`);
      process.exit(1);
    },
  );
}
