/**
 * `npm run ingest -- [--corpus DIR] [--index DIR] [--full] [--verbose]` — builds or updates the index.
 * The summary names the first few files of each outcome (all of them with --verbose; always in
 * INDEX_DIR/last-ingest.json). Exit code is non-zero only when nothing usable could be indexed.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { describeIngest, ingestSettings, runIngest } from "../src/app/ingestRunner.js";
import { loadConfig } from "../src/config.js";
import { describeError, isAppError } from "../src/errors.js";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: "string" }, index: { type: "string" }, full: { type: "boolean" }, quiet: { type: "boolean" }, verbose: { type: "boolean" } } });
  const config = loadConfig();
  const settings = { ...ingestSettings(config), ...(values.corpus ? { corpusDir: values.corpus } : {}), ...(values.index ? { indexDir: values.index } : {}) };
  const showBar = !values.quiet && process.stderr.isTTY;
  const bars = new cliProgress.MultiBar({ hideCursor: true, noTTYOutput: false, stream: process.stderr, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  let filesBar: cliProgress.SingleBar | null = null;
  // OCR is slow (about a second a page): each scanned file gets a bar of its own, page by page.
  let ocrBar: { file: string; bar: cliProgress.SingleBar } | null = null;
  const summary = await runIngest(settings, {
    full: values.full ?? false,
    onProgress: (done, total, file) => {
      if (!showBar || total < 5) return;
      filesBar ??= bars.create(total, 0, { file: "" }, { format: "Ingest [{bar}] {value}/{total} files | {file}" });
      filesBar.update(done, { file: file.slice(-40) });
    },
    onOcrPage: (file, page, pages) => {
      if (values.quiet) return;
      if (!showBar) {
        console.error(`OCR ${file}: page ${page}/${pages}`);
        return;
      }
      if (ocrBar?.file !== file) {
        ocrBar = { file, bar: bars.create(pages, 0, { file: file.slice(-40) }, { format: "OCR    [{bar}] page {value}/{total} | {file} | ETA {eta}s" }) };
      }
      ocrBar.bar.update(page);
    },
  });
  bars.stop();
  for (const line of describeIngest(summary, { verbose: values.verbose ?? false })) console.log(line);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest failed: ${describeError(err)}${isAppError(err) ? ` [${err.code}]` : ""}`);
    process.exit(isAppError(err) && err.code === "INGEST_NOTHING" ? 2 : 1);
  },
);
