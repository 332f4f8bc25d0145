/**
 * The ingest lock: a lock left by a dead process, by this very process (a restarted container reusing
 * the PID) or by a process that is not this program is stale and taken over; a live ingest's lock is
 * refused with a message naming the lock file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { ingestCorpus } from "../../src/index/ingest.js";
import { acquireIngestLock, LOCK_FILE } from "../../src/index/lock.js";
import { makeTempDir } from "../support/fixtures.js";

let tmp: { dir: string; cleanup: () => Promise<void> };
let corpus: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  tmp = await makeTempDir("lock-");
  corpus = path.join(tmp.dir, "corpus");
  await mkdir(corpus, { recursive: true });
  await writeFile(path.join(corpus, "goc.txt"), "Báo cáo\n\nXã Ea Tu có 11 chi bộ thôn.\n");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

afterAll(async () => {
  await tmp.cleanup();
});

async function indexWithLock(name: string, content: string): Promise<string> {
  const index = path.join(tmp.dir, name);
  await mkdir(index, { recursive: true });
  await writeFile(path.join(index, LOCK_FILE), content);
  return index;
}

function started(command: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: "ignore" });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
}

const settings = (indexDir: string) => ({ corpusDir: corpus, indexDir, maxFileBytes: 1024 * 1024, efSearch: 100 });

describe("a stale ingest lock", () => {
  it("is taken over when it names this process (a restart reused the PID)", async () => {
    const index = await indexWithLock("same-pid", String(process.pid));
    expect((await ingestCorpus(settings(index))).documents).toBe(1);
    expect(existsSync(path.join(index, LOCK_FILE))).toBe(false);
  });

  it("is taken over when its process is dead", async () => {
    const index = await indexWithLock("dead", JSON.stringify({ pid: 2 ** 22 + 17, startTicks: "1" }));
    expect((await ingestCorpus(settings(index))).documents).toBe(1);
  });

  it("is taken over when its PID now belongs to a program that is not this one", async () => {
    const sleeper = await started("sleep", ["30"]);
    const index = await indexWithLock("other-program", String(sleeper.pid));
    expect((await ingestCorpus(settings(index))).documents).toBe(1);
  });
});

describe("a live ingest lock", () => {
  it("refuses a second ingest in the same process, naming the lock file", async () => {
    const index = path.join(tmp.dir, "held");
    const release = await acquireIngestLock(index);
    const lock = path.resolve(index, LOCK_FILE);
    try {
      const err = await ingestCorpus(settings(index)).catch((e: unknown) => e);
      expect(isAppError(err, "INGEST_BUSY")).toBe(true);
      expect((err as Error).message).toBe(`Another ingest (pid ${process.pid}) holds the lock ${lock}; wait for it to finish, or delete ${lock} if no ingest is running`);
      expect(JSON.parse(await readFile(lock, "utf8"))).toMatchObject({ pid: process.pid });
    } finally {
      await release();
    }
  });

  it("refuses while another node process holds it", async () => {
    const node = await started(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    const index = await indexWithLock("other-node", String(node.pid));
    await expect(ingestCorpus(settings(index))).rejects.toThrow(`Another ingest (pid ${node.pid}) holds the lock ${path.resolve(index, LOCK_FILE)}`);
  });
});

describe("an index folder that cannot be written", () => {
  it("is named with the reason and what to check", async () => {
    const file = path.join(tmp.dir, "a-file");
    await writeFile(file, "not a folder");
    const err = await ingestCorpus(settings(path.join(file, "index"))).catch((e: unknown) => e);
    expect(isAppError(err, "INDEX_UNWRITABLE")).toBe(true);
    expect((err as Error).message).toMatch(new RegExp(`^Cannot create the index folder ${file}/index \\(ENOTDIR.*\\): check INDEX_DIR and its permissions$`));
  });
});
