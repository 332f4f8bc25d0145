import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { makePdf, makeTempDir } from "../support/fixtures.js";

/** Runs an ES module under tsx in a fresh process and returns what it printed. */
function runModule(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`exit ${String(code)}: ${err}`))));
  });
}

describe("pdf.js", () => {
  // Loading it takes about a second: a process that reads no PDF (the bot answering) must not pay for it.
  it("is loaded by the first PDF read, not by loading the app's modules", async () => {
    const tmp = await makeTempDir("pdf-lazy");
    try {
      const pdf = join(tmp.dir, "one.pdf");
      await writeFile(pdf, await makePdf([["First page."]], { fontPath: null }));
      const src = (p: string): string => JSON.stringify(pathToFileURL(resolve("src", p)).href);
      const script = join(tmp.dir, "probe.mts");
      await writeFile(
        script,
        [
          `await import(${src("main.ts")});`,
          `await import(${src("index/ingest.ts")});`,
          `const { loadFile } = await import(${src("corpus/loaders.ts")});`,
          `const before = typeof (globalThis as { pdfjsLib?: unknown }).pdfjsLib;`,
          `const loaded = await loadFile(${JSON.stringify(pdf)});`,
          `console.log(JSON.stringify({ before, after: typeof (globalThis as { pdfjsLib?: unknown }).pdfjsLib, format: loaded.format }));`,
        ].join("\n"),
      );
      const printed = JSON.parse((await runModule(script)).trim().split("\n").pop() ?? "{}") as unknown;
      expect(printed).toEqual({ before: "undefined", after: "object", format: "pdf" });
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);
});
