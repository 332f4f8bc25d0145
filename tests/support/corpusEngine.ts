/** An engine over a throwaway corpus built from texts, for tests of answering on documents made in code. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ingestCorpus } from "../../src/index/ingest.js";
import { afterAll, beforeAll } from "vitest";
import { QaEngine, type EngineOptions } from "../../src/qa/engine.js";
import { makeTempDir } from "./fixtures.js";

/**
 * Writes `files` (name → text) into a fresh corpus folder, ingests it and opens an engine over it;
 * `cleanup` deletes the folder (set KEEP_TMP to keep it and print where it is).
 */
export async function engineOver(prefix: string, files: Record<string, string>, options: Partial<EngineOptions> = {}): Promise<{ engine: QaEngine; cleanup: () => Promise<void> }> {
  const tmp = await makeTempDir(prefix);
  const corpusDir = path.join(tmp.dir, "corpus");
  await mkdir(corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(corpusDir, name), text);
  await ingestCorpus({ corpusDir, indexDir: path.join(tmp.dir, "index"), maxFileBytes: 1 << 20, efSearch: 50 });
  const engine = await QaEngine.open(path.join(tmp.dir, "index"), options);
  const cleanup = async (): Promise<void> => {
    if (process.env.KEEP_TMP) console.log(tmp.dir);
    else await tmp.cleanup();
  };
  return { engine, cleanup };
}

/**
 * An engine over `files` for the tests of the describe block that calls it: built before them and removed
 * after (`engineOver` in the block's beforeAll and afterAll). Returns a getter for the tests to call.
 */
export function engineForBlock(prefix: string, files: Record<string, string>): () => QaEngine {
  let built: { engine: QaEngine; cleanup: () => Promise<void> } | undefined;
  beforeAll(async () => {
    built = await engineOver(prefix, files);
  });
  afterAll(async () => {
    await built?.cleanup();
  });
  return () => {
    if (!built) throw new Error(`engineForBlock("${prefix}"): the engine is built before the block's tests and used only in them`);
    return built.engine;
  };
}
