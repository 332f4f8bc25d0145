/**
 * `npx tsx scripts/typos.ts FILE [--mode tone|delete|texting|all] [--seed N] > OUT.jsonl` — the `vi`
 * questions of an eval file typed as on a phone, for measuring how answers hold up: a quarter of the
 * words lose their tone mark (vowel marks stay: "phường" → "phương"), about one word in fourteen loses a
 * letter, and common words become texting shorthand ("không" → "ko", "được" → "đc"). Deterministic for a
 * seed. The output keeps each question's expected answers, with kind `vi-typo` and the id suffixed "t".
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseQuestions } from "../src/qa/evaluate.js";
import { mulberry32 } from "../src/quiz/random.js";

type Mode = "tone" | "delete" | "texting" | "all";

const TEXTING: ReadonlyArray<readonly [string, string]> = [
  ["đảng viên", "đv"],
  ["cán bộ", "cb"],
  ["không", "ko"],
  ["được", "đc"],
  ["những", "nhg"],
  ["với", "vs"],
  ["người", "ng"],
  ["vậy", "v"],
  ["gì", "j"],
];
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

function typed(question: string, mode: Mode, next: () => number): string {
  let q = question;
  if (mode === "texting" || mode === "all") for (const [word, short] of TEXTING) if (q.includes(word) && next() < 0.6) q = q.split(word).join(short);
  return q
    .split(" ")
    .map((word) => {
      const r = next();
      if (r < 0.25 && (mode === "tone" || mode === "all")) return word.normalize("NFD").replace(TONE_MARKS, "").normalize("NFC");
      if (r >= 0.25 && r < 0.32 && (mode === "delete" || mode === "all") && /^\p{L}{4,}$/u.test(word)) {
        const at = 1 + Math.floor(next() * (word.length - 1));
        return word.slice(0, at - 1) + word.slice(at);
      }
      return word;
    })
    .join(" ");
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: "string", default: "all" }, seed: { type: "string", default: "1" } } });
  const mode = values.mode as Mode;
  if (!["tone", "delete", "texting", "all"].includes(mode) || positionals.length !== 1) {
    console.error("usage: npx tsx scripts/typos.ts FILE [--mode tone|delete|texting|all] [--seed N]");
    return 2;
  }
  const next = mulberry32(Number(values.seed) || 1);
  for (const q of parseQuestions(await readFile(positionals[0] as string, "utf8"))) {
    if (q.kind !== "vi") continue;
    console.log(JSON.stringify({ ...q, id: `${q.id}t`, kind: "vi-typo", q: typed(q.q, mode, next) }));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
