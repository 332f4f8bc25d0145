/**
 * `npm run ingest -- [--corpus DIR] [--index DIR] [--full] [--verbose]` — builds or updates the index.
 * The summary names the first few files of each outcome (all of them with --verbose; always in
 * INDEX_DIR/last-ingest.json). Exit code is non-zero only when nothing usable could be indexed.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { describeIngest, ingestSettings, runIngest } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { describeError, isAppError } from "../src/errors.js";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: "string" }, index: { type: "string" }, full: { type: "boolean" }, quiet: { type: "boolean" }, verbose: { type: "boolean" } } });
  const config = loadConfig();
  const settings = { ...ingestSettings(config), ...(values.corpus ? { corpusDir: values.corpus } : {}), ...(values.index ? { indexDir: values.index } : {}) };
  const bar = new cliProgress.SingleBar({ format: "Ingest [{bar}] {value}/{total} files | {file}", hideCursor: true, noTTYOutput: false, stream: process.stderr }, cliProgress.Presets.shades_classic);
  const showBar = !values.quiet && process.stderr.isTTY;
  let started = false;
  const summary = await runIngest(settings, {
    full: values.full ?? false,
    onProgress: (done, total, file) => {
      if (!showBar || total < 5) return;
      if (!started) {
        bar.start(total, 0, { file: "" });
        started = true;
      }
      bar.update(done, { file: file.slice(-40) });
    },
  });
  if (started) bar.stop();
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
