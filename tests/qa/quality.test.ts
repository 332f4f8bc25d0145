/**
 * Answer quality must not slide back. Each question set runs against its own temporary corpus: the
 * shipped article, the Charter, the official documents of ../shared/corpus-extra, and the eight documents of
 * ../shared/corpus-more (held out: never fitted on). Floors are the leave-one-document-out figures printed by
 * `npm run calibrate` when they were last set, rounded down; wrong answers (a fact stated with a citation that
 * is not the expected one) have ceilings. Raise floors and lower ceilings, never the other way.
 */
import { existsSync } from "node:fs";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpus } from "../../src/index/ingest.js";
import { askInConversation, ConversationMemory } from "../../src/qa/conversationMemory.js";
import { QaEngine } from "../../src/qa/engine.js";
import { judge, parseQuestions, summarize, type EvalReport } from "../../src/qa/evaluate.js";
import { makeTempDir } from "../support/fixtures.js";
import { copyShippedCorpus } from "../support/shippedCorpus.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHARED = path.resolve(ROOT, "../shared");
const EXTRA = path.join(SHARED, "corpus-extra");
const MORE = path.join(SHARED, "corpus-more");
const CHARTER = path.join(EXTRA, "dieu-le-dang-2011.md");
const hasShared = existsSync(path.join(SHARED, "eval", "dev.jsonl"));
const hasCharter = existsSync(CHARTER);
const hasExtra = hasShared && existsSync(EXTRA);
const hasMore = existsSync(MORE);
const NO_SHARED = hasShared ? "" : " (skipped: ../shared/eval is not here)";
const NO_CHARTER = hasCharter ? "" : " (skipped: ../shared/corpus-extra/dieu-le-dang-2011.md is not here)";
const NO_EXTRA = hasExtra ? "" : " (skipped: ../shared/corpus-extra and ../shared/eval are not here)";
const NO_MORE = hasMore ? "" : " (skipped: ../shared/corpus-more is not here)";
if (!hasShared || !hasMore) console.log(`quality.test: some sets skipped${NO_SHARED}${NO_MORE}`);

let tmp: { dir: string; cleanup: () => Promise<void> };

/** An index of the shipped document plus `extras` (files or folders), built in the temporary folder. */
async function buildEngine(name: string, extras: readonly string[]): Promise<QaEngine> {
  const corpusDir = path.join(tmp.dir, name, "corpus");
  const indexDir = path.join(tmp.dir, name, "index");
  await copyShippedCorpus(corpusDir);
  for (const extra of extras) await cp(extra, path.join(corpusDir, path.basename(extra)), { recursive: true });
  await ingestCorpus({ corpusDir, indexDir, maxFileBytes: 20 * 1024 * 1024, efSearch: 100 });
  return QaEngine.open(indexDir);
}

/** Each set (a path from the repository root) reaches its accuracy floor and stays within its wrong answers. */
async function expectFloors(engine: QaEngine, floors: ReadonlyArray<readonly [file: string, floor: number, maxWrong: number]>): Promise<void> {
  for (const [file, floor, maxWrong] of floors) {
    const report = await evaluate(engine, path.join(ROOT, file));
    expect(report.accuracy, file).toBeGreaterThanOrEqual(floor);
    expect(report.wrongAnswers, file).toBeLessThanOrEqual(maxWrong);
  }
}

async function evaluate(engine: QaEngine, file: string): Promise<EvalReport> {
  const questions = parseQuestions(await readFile(file, "utf8"));
  const outcomes = [];
  // Lines with the same `chat` are one conversation, as `npm run eval` reads them.
  const conversations = new ConversationMemory({ ttlMs: 10 * 60_000 });
  for (const q of questions) {
    const result = q.chat !== undefined ? (await askInConversation((t) => engine.ask(t), conversations, String(q.chat), q.q)).result : await engine.ask(q.q);
    outcomes.push(judge(q, result));
  }
  const report = summarize(outcomes, questions);
  const kinds = Object.entries(report.byKind).map(([k, v]) => `${k} ${v.accuracy.toFixed(2)}`).join(", ");
  console.log(`${path.basename(file)}: accuracy ${report.accuracy.toFixed(3)} (${kinds}), wrong answers ${report.wrongAnswers}, hit@1 ${report.hit1.toFixed(3)}`);
  return report;
}

function accuracy(report: EvalReport, kind: string): number {
  return report.byKind[kind]?.accuracy ?? Number.NaN;
}

beforeAll(async () => {
  tmp = await makeTempDir("quality-");
});

afterAll(async () => {
  await tmp.cleanup();
});

describe("answer quality on the shipped corpus", () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("shipped", []);
  });

  it("answers the headline question with 68/152 and cites the passage that says it", async () => {
    const result = await engine.ask("Có bao nhiêu xã có chi bộ cơ quan?");
    expect(result.abstained).toBe(false);
    expect(result.answer).toContain("68/152");
    expect(result.citations[0]?.passage).toContain("68/152 xã có chi bộ cơ quan");
    expect(result.citations[0]?.title).toBe("Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk");
  });

  it("keeps its floors on the in-repo question set", async () => {
    const report = await evaluate(engine, path.join(ROOT, "eval/questions.jsonl"));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(report, "vi")).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(report, "none")).toBeGreaterThanOrEqual(0.9);
    expect(report.wrongAnswers).toBeLessThanOrEqual(7);
  });

  it.skipIf(!hasShared)(`meets the acceptance bar on the shared dev set${NO_SHARED}`, async () => {
    const report = await evaluate(engine, path.join(SHARED, "eval/dev.jsonl"));
    for (const kind of ["vi", "vi-nodiac"]) expect(accuracy(report, kind), kind).toBeGreaterThanOrEqual(0.9);
    expect(accuracy(report, "none")).toBe(1);
    expect(report.hit1).toBeGreaterThanOrEqual(0.9);
  });
});

describe.skipIf(!hasCharter)(`answer quality with the Party Charter added${NO_CHARTER}`, () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("charter", [CHARTER]);
  });

  it("keeps its floors on the in-repo Charter question set", async () => {
    const report = await evaluate(engine, path.join(ROOT, "eval/questions-dieu-le.jsonl"));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.65);
    expect(accuracy(report, "none")).toBeGreaterThanOrEqual(0.9);
    expect(report.wrongAnswers).toBeLessThanOrEqual(10);
  });

  it.skipIf(!hasShared)(`meets the acceptance bar on the shared Charter dev set${NO_SHARED}`, async () => {
    const report = await evaluate(engine, path.join(SHARED, "eval/dev-dieu-le.jsonl"));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.hit1).toBeGreaterThanOrEqual(0.9);
  });

  it("still answers questions about the article when a second document is indexed", async () => {
    const result = await engine.ask("co bao nhieu phuong co chi bo co quan");
    expect(result.answer).toContain("12/20");
  });
});

describe.skipIf(!hasExtra)(`answer quality on official documents (../shared/corpus-extra)${NO_EXTRA}`, () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("official", [EXTRA]);
  });

  it("keeps its floors on the official documents' dev set", async () => {
    const report = await evaluate(engine, path.join(SHARED, "eval/dev-official.jsonl"));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(accuracy(report, "vi")).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(report, "vi-nodiac")).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(report, "en")).toBeGreaterThanOrEqual(0.7);
    expect(report.hit1).toBeGreaterThanOrEqual(0.85);
    expect(report.wrongAnswers).toBeLessThanOrEqual(2);
  });

  it("refuses the tempting questions the documents cannot answer", async () => {
    const report = await evaluate(engine, path.join(SHARED, "eval/dev-traps.jsonl"));
    expect(accuracy(report, "none")).toBeGreaterThanOrEqual(0.95);
    expect(report.wrongAnswers).toBeLessThanOrEqual(1);
  });

  it("keeps its floor on the in-repo dialogs (follow-ups read in conversation)", async () => {
    const report = await evaluate(engine, path.join(ROOT, "eval/dialogs.jsonl"));
    expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.wrongAnswers).toBeLessThanOrEqual(8);
  });

  it("answers a header fact of each official document: who signed it", async () => {
    for (const [question, signer] of [
      ["Hướng dẫn 45-HD/BTCTW do ai ký?", "Hoàng Đăng Quang"],
      ["Quy định 383-QĐ/TW do ai ký?", "Trần Cẩm Tú"],
      ["Kết luận 07-KL/VPTW do ai ký?", "Lê Khánh Toàn"],
    ] as const) {
      expect((await engine.ask(question)).answer, question).toContain(signer);
    }
  });
});

describe.skipIf(!hasExtra || !hasMore)(`held-out quality on documents never tuned on (../shared/corpus-more)${NO_MORE}`, () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("held-out", [EXTRA, MORE]);
  });

  it("keeps its floors on the sets written without the code (held out, and the two tuned on)", async () => {
    await expectFloors(engine, [
      ["eval/heldout-more-a.jsonl", 0.85, 5],
      ["eval/heldout-more-b.jsonl", 0.75, 7],
      ["eval/heldout-c.jsonl", 0.7, 7],
      // D and E were never read while writing rules: their floors only guard against a fall.
      ["eval/heldout-d.jsonl", 0.6, 11],
      ["eval/heldout-e.jsonl", 0.7, 8],
      ["eval/dialogs-heldout.jsonl", 0.65, 6],
      // Written without the code, then tuned on (English; typed on a phone).
      ["eval/tune-en.jsonl", 0.6, 6],
      ["eval/tune-typo.jsonl", 0.75, 6],
    ]);
  });
});

// Six documents the code never saw, written with their questions by someone who read no code, kept in
// the repository (eval/corpus-heldout-f, -g, -h): the report's questions were tuned on, the others only
// measured (H first on the code of 2026-11-29's fifth session, never read).
describe("quality on the in-repo documents written without the code", () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("in-repo-unseen", ["f", "g", "h"].map((set) => path.join(ROOT, `eval/corpus-heldout-${set}`)));
  });

  it("keeps its floors on them (one tuned on, three held out)", async () => {
    await expectFloors(engine, [
      ["eval/tune-f.jsonl", 0.8, 3],
      ["eval/heldout-f.jsonl", 0.7, 3],
      ["eval/heldout-g.jsonl", 0.7, 5],
      ["eval/heldout-h.jsonl", 0.7, 4],
    ]);
  });
});

// Two more, of kinds not used before (a village party cell's minutes, a provincial Ban Tổ chức's letter in
// the legal-site form), with questions never read: first measured on 2026-11-29's sixth session at 0.57
// (shipped corpus and corpus-extra beside them), before the header fixes their documents' form called for.
describe("quality on held-out set I (minutes and a letter; questions never read)", () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await buildEngine("heldout-i", [path.join(ROOT, "eval/corpus-heldout-i")]);
  });

  it("keeps its floor", async () => {
    await expectFloors(engine, [["eval/heldout-i.jsonl", 0.55, 5]]);
  });
});

// Two more pairs written without the code on 2026-11-29's seventh session: J (a commune congress's
// resolution as a site's markdown with <br> cells, a disciplinary decision saved from Word with tabs) was
// read and tuned on; K (a ward's Tờ trình, a provincial Ban Tổ chức's Quy định) only measured, first at
// 0.633 with 9 wrong answers on the session's starting code.
describe("quality on set J (tuned on) and held-out set K (questions never read)", () => {
  it("keeps its floor on J", async () => {
    const engine = await buildEngine("tune-j", [path.join(ROOT, "eval/corpus-tune-j")]);
    await expectFloors(engine, [["eval/tune-j.jsonl", 0.8, 6]]);
  });

  // M (a town standing committee's notice of conclusions, a commune's decision founding a party cell;
  // tempting traps), tuned on: 0.62 with 10 wrong answers when it was written.
  it("keeps its floor on M", async () => {
    const engine = await buildEngine("tune-m", [path.join(ROOT, "eval/corpus-tune-m")]);
    await expectFloors(engine, [["eval/tune-m.jsonl", 0.7, 6]]);
  });

  it("keeps its floor on K", async () => {
    const engine = await buildEngine("heldout-k", [path.join(ROOT, "eval/corpus-heldout-k")]);
    await expectFloors(engine, [["eval/heldout-k.jsonl", 0.62, 6]]);
  });
});

// A third pair written without the code on the same session, after the rules tuned on J: a ward's
// inspection plan (a markdown schedule table) and a commune's half-year report (plain text, partly
// hard-wrapped), questions never read. First measured at 0.533 (10 wrong) on the session's starting code and
// 0.617 (10 wrong) on the code that had the J rules.
describe("quality on held-out set L (an inspection plan and a half-year report; questions never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-l", [path.join(ROOT, "eval/corpus-heldout-l")]);
    await expectFloors(engine, [["eval/heldout-l.jsonl", 0.58, 11]]);
  });
});

// The eighth session's pair, written without the code: N (a district's Chỉ thị copied out of a PDF, a
// school party cell's minutes), tuned on, first measured at 0.65 (7 wrong); O (a district's decision
// approving a ward's election results as a site publishes it, an enterprise bloc's annual report with
// tabbed columns), questions never read, first measured at 0.667 (11 wrong).
describe("quality on sets N (tuned on) and O (held out, questions never read)", () => {
  it("keeps its floor on N", async () => {
    const engine = await buildEngine("tune-n", [path.join(ROOT, "eval/corpus-tune-n")]);
    await expectFloors(engine, [["eval/tune-n.jsonl", 0.63, 8]]);
  });

  it("keeps its floor on O", async () => {
    const engine = await buildEngine("heldout-o", [path.join(ROOT, "eval/corpus-heldout-o")]);
    await expectFloors(engine, [["eval/heldout-o.jsonl", 0.62, 12]]);
  });
});

// The ninth session's pair, written without the code: P (a district standing committee's Quyết định khen
// thưởng with its lists as markdown tables, a city party committee's Chương trình hành động in plain text),
// tuned on, first measured at 0.60 (13 wrong); Q (a provincial Hướng dẫn on grading party organisations as a
// site publishes it, with criteria and deadline tables, and a commune's report copied with its site's
// clutter), questions never read, first measured at 0.733 (10 wrong).
describe("quality on sets P (tuned on) and Q (held out, questions never read)", () => {
  it("keeps its floor on P", async () => {
    const engine = await buildEngine("tune-p", [path.join(ROOT, "eval/corpus-tune-p")]);
    await expectFloors(engine, [["eval/tune-p.jsonl", 0.75, 8]]);
  });

  it("keeps its floor on Q", async () => {
    const engine = await buildEngine("heldout-q", [path.join(ROOT, "eval/corpus-heldout-q")]);
    await expectFloors(engine, [["eval/heldout-q.jsonl", 0.73, 8]]);
  });
});

// Two web pages saved as HTML, written without the code (ninth session), tuned on: a Thông báo kết luận with
// its header, data and signing tables, and a newspaper's copy of a ward's inspection report, both in their
// sites' chrome. First measured at 0.533 (9 wrong).
describe("quality on set R (web pages saved as HTML; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-r", [path.join(ROOT, "eval/corpus-tune-r")]);
    await expectFloors(engine, [["eval/tune-r.jsonl", 0.6, 11]]);
  });
});

// A commune congress's Nghị quyết as a Word file and an inspection commission's minutes copied out of a PDF,
// written without the code (tenth session), tuned on. First measured at 0.550 (4 wrong).
describe("quality on set S (a .docx resolution and PDF-copied minutes; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-s", [path.join(ROOT, "eval/corpus-tune-s")]);
    await expectFloors(engine, [["eval/tune-s.jsonl", 0.63, 7]]);
  });
});

// A district's Kế hoạch as a legal site publishes it (timetable table, banners) and a Tờ trình saved as a web
// page, written without the code (tenth session), never read: held out. First measured at 0.733 (3 wrong).
describe("held-out quality on set T (a plan with its timetable, a submission as a web page; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-t", [path.join(ROOT, "eval/corpus-heldout-t")]);
    await expectFloors(engine, [["eval/heldout-t.jsonl", 0.68, 5]]);
  });
});

// A district committee's Quy chế làm việc as a legal site publishes it and a Quyết định chuẩn y copied out of a
// PDF, written without the code (tenth session), tuned on. First measured at 0.683 (6 wrong).
describe("quality on set U (a working regulation by article, an election approval; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-u", [path.join(ROOT, "eval/corpus-tune-u")]);
    await expectFloors(engine, [["eval/tune-u.jsonl", 0.68, 8]]);
  });
});

// A provincial committee's Đề án as a Word file (with a table of yearly targets) and a commune's review report
// pasted from a news site, written without the code (tenth session), never read: held out. First measured
// at 0.683 (8 wrong).
describe("held-out quality on set V (a .docx scheme with a targets table, a pasted report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-v", [path.join(ROOT, "eval/corpus-heldout-v")]);
    await expectFloors(engine, [["eval/heldout-v.jsonl", 0.63, 10]]);
  });
});

// A commune standing committee's self-criticism report and a provincial guidance on transferring membership,
// with 26 English questions, written without the code (tenth session), tuned on. First measured at 0.700
// (2 wrong).
describe("quality on set W (a self-criticism report, a transfer guidance; English-heavy; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-w", [path.join(ROOT, "eval/corpus-tune-w")]);
    await expectFloors(engine, [["eval/tune-w.jsonl", 0.73, 4]]);
  });
});

// A commune inspection commission's plan saved from a news portal as HTML (an inspections table) and a
// province's notice assigning its standing committee's duties copied out of a PDF, written without the code
// (tenth session), never read: held out. First measured at 0.700 (11 wrong).
describe("held-out quality on set X (an HTML inspection plan, a PDF-copied notice; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-x", [path.join(ROOT, "eval/corpus-heldout-x")]);
    await expectFloors(engine, [["eval/heldout-x.jsonl", 0.66, 12]]);
  });
});

// A chi bộ's political report as a Word 97 .doc and a decision scanned to a PNG (not read here: the test
// ingest has no OCR, so its questions count as misses), written without the code (eleventh session), tuned
// on. First measured (with OCR) at 0.583 (4 wrong).
describe("quality on set Y (a .doc political report, a scanned decision; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-y", [path.join(ROOT, "eval/corpus-tune-y")]);
    await expectFloors(engine, [["eval/tune-y.jsonl", 0.46, 5]]);
  });
});

// A district's election guidance as an OpenDocument .odt and a ward's conclusion notice copied from a web
// page with its banners, written without the code (eleventh session), never read: held out. First measured
// at 0.650 (5 wrong).
describe("held-out quality on set Z (an .odt guidance, a web-copied notice; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-z", [path.join(ROOT, "eval/corpus-heldout-z")]);
    await expectFloors(engine, [["eval/heldout-z.jsonl", 0.63, 4]]);
  });
});

// A district's report saved from a portal as HTML with two data tables (one with stacked header rows) and a
// Kế hoạch as a legal site publishes it (header, timetable and signing block as tables), written without the
// code (eleventh session), tuned on. First measured at 0.433 (5 wrong).
describe("quality on set AA (an HTML report with data tables, a legal-site plan with a timetable; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-aa", [path.join(ROOT, "eval/corpus-tune-aa")]);
    await expectFloors(engine, [["eval/tune-aa.jsonl", 0.53, 9]]);
  });
});

// A .docx notice assigning a district standing committee's duties (who-questions asked from the duty) and a
// steering committee's decision with its member list, written without the code (eleventh session), tuned on.
// First measured at 0.650 (10 wrong).
describe("quality on set AB (a .docx notice of members' duties, a steering committee decision; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ab", [path.join(ROOT, "eval/corpus-tune-ab")]);
    await expectFloors(engine, [["eval/tune-ab.jsonl", 0.68, 4]]);
  });
});

// A Ban Bí thư Quy định with Chương/Điều and a province's Hướng dẫn on Huy hiệu Đảng, as a legal site
// publishes them, written without the code (eleventh session), never read: held out. First measured at
// 0.733 (10 wrong).
describe("held-out quality on set AC (legal-site markdown: a central Quy định, a provincial Hướng dẫn; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ac", [path.join(ROOT, "eval/corpus-heldout-ac")]);
    await expectFloors(engine, [["eval/heldout-ac.jsonl", 0.71, 10]]);
  });
});

// A provincial Kế hoạch with a targets table and a Quy chế phối hợp as a legal site publishes them, with 14
// English questions, written without the code (eleventh session), tuned on. First measured at 0.750 (7 wrong).
describe("quality on set AD (legal-site markdown: a provincial plan, a coordination Quy chế; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ad", [path.join(ROOT, "eval/corpus-tune-ad")]);
    await expectFloors(engine, [["eval/tune-ad.jsonl", 0.76, 4]]);
  });
});

// A Tỉnh ủy's Quy định on decentralised cadre management (Chương/Điều/khoản/điểm) and a Huyện ủy's six-month
// report, as a legal site publishes them, written without the code (twelfth session), tuned on. First
// measured at 0.733 (6 wrong).
describe("quality on set AE (legal-site markdown: a cadre-management Quy định, a six-month report; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ae", [path.join(ROOT, "eval/corpus-tune-ae")]);
    await expectFloors(engine, [["eval/tune-ae.jsonl", 0.76, 4]]);
  });
});

// A city standing committee's Thông báo kết luận on party organisations in private enterprises and a Ban Tổ
// chức's Hướng dẫn on transferring membership (with a pipe table), written without the code (twelfth
// session), never read: held out. First measured at 0.733 (9 wrong).
describe("held-out quality on set AF (legal-site markdown: a Thông báo kết luận, a Hướng dẫn with a table; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-af", [path.join(ROOT, "eval/corpus-heldout-af")]);
    await expectFloors(engine, [["eval/heldout-af.jsonl", 0.63, 10]]);
  });
});

// A commune Đảng ủy's Nghị quyết on its 2027 tasks and a Ban Tổ chức Trung ương Công văn answering provinces'
// questions, written without the code (twelfth session), never read: held out. First measured at 0.700 (6 wrong).
describe("held-out quality on set AG (legal-site markdown: a commune Nghị quyết, a central Công văn; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ag", [path.join(ROOT, "eval/corpus-heldout-ag")]);
    await expectFloors(engine, [["eval/heldout-ag.jsonl", 0.68, 4]]);
  });
});

// A Tỉnh ủy's Chỉ thị on chi bộ congresses and a Ủy ban Kiểm tra's disciplinary decision, as a legal site
// publishes them, with 14 English questions, written without the code (twelfth session), tuned on. First
// measured at 0.733 (6 wrong).
describe("quality on set AH (legal-site markdown: a Chỉ thị on congresses, a disciplinary decision; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ah", [path.join(ROOT, "eval/corpus-tune-ah")]);
    await expectFloors(engine, [["eval/tune-ah.jsonl", 0.76, 3]]);
  });
});

// A ward Đảng ủy's inspection plan with a schedule table and a provincial agency Đảng ủy's report on ethical
// standards, written without the code (twelfth session), never read: held out. First measured at 0.733 (6 wrong).
describe("held-out quality on set AI (legal-site markdown: an inspection plan with a table, an agency report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ai", [path.join(ROOT, "eval/corpus-heldout-ai")]);
    await expectFloors(engine, [["eval/heldout-ai.jsonl", 0.7, 7]]);
  });
});

// Two news articles as a provincial party newspaper's site publishes them (masthead, navigation trail,
// captions, related headlines): a district's five-year review and an interview on merging communes, written
// without the code (twelfth session), tuned on. First measured at 0.600 (4 wrong).
describe("quality on set AJ (news articles with their site's masthead and boilerplate; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-aj", [path.join(ROOT, "eval/corpus-tune-aj")]);
    await expectFloors(engine, [["eval/tune-aj.jsonl", 0.71, 4]]);
  });
});

// A Ban Bí thư Quy định on heads' duties in receiving citizens and complaints (Chương/Điều) and a provincial
// Ban Nội chính's report on it, written without the code (twelfth session), never read: held out. First
// measured at 0.733 (6 wrong).
describe("held-out quality on set AK (legal-site markdown: a central Quy định, a provincial report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ak", [path.join(ROOT, "eval/corpus-heldout-ak")]);
    await expectFloors(engine, [["eval/heldout-ak.jsonl", 0.7, 5]]);
  });
});

// A Tỉnh ủy's Nghị quyết on digital transformation in Party work and a commune Đảng ủy's working Quy chế, as a
// legal site publishes them, with 20 English questions, written without the code (twelfth session), tuned
// on. First measured at 0.700 (5 wrong).
describe("quality on set AL (legal-site markdown: a Nghị quyết, a working Quy chế; 20 English; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-al", [path.join(ROOT, "eval/corpus-tune-al")]);
    await expectFloors(engine, [["eval/tune-al.jsonl", 0.57, 7]]);
  });
});

// A Ban Tổ chức's Hướng dẫn on grading party organisations and members and a Thành ủy's Thông báo of a standing
// committee's conclusions, written without the code (twelfth session), never read: held out. First measured
// at 0.700 (6 wrong).
describe("held-out quality on set AM (legal-site markdown: a grading Hướng dẫn, a Thông báo of conclusions; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-am", [path.join(ROOT, "eval/corpus-heldout-am")]);
    await expectFloors(engine, [["eval/heldout-am.jsonl", 0.63, 6]]);
  });
});

// A Ban Tổ chức's Hướng dẫn on admitting members and a ward Đảng ủy's report on member development (with a
// table), written without the code (twelfth session), tuned on. First measured at 0.650 (6 wrong).
describe("quality on set AN (legal-site markdown: an admission Hướng dẫn, a ward's report; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-an", [path.join(ROOT, "eval/corpus-tune-an")]);
    await expectFloors(engine, [["eval/tune-an.jsonl", 0.63, 4]]);
  });
});

// A Huyện ủy's decision setting up a steering committee (with its member list as a cell-per-line table) and
// the committee's Quy chế, written without the code (twelfth session), never read: held out. First measured
// at 0.583 (10 wrong).
describe("held-out quality on set AO (legal-site markdown: a decision with a member list, a Quy chế; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ao", [path.join(ROOT, "eval/corpus-heldout-ao")]);
    await expectFloors(engine, [["eval/heldout-ao.jsonl", 0.56, 10]]);
  });
});

// A commune Đảng ủy's congress Kế hoạch (with a schedule table) and a district congress's political report
// (results against targets, targets for the next term), written without the code (thirteenth session), tuned
// on. First measured at 0.733 (0 wrong).
describe("quality on set AP (legal-site markdown: a congress Kế hoạch with a schedule table, a political report; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ap", [path.join(ROOT, "eval/corpus-tune-ap")]);
    await expectFloors(engine, [["eval/tune-ap.jsonl", 0.67, 1]]);
  });
});

// A Tỉnh ủy's Hướng dẫn on party dues (legal-site markdown) and a party cell's monthly meeting minutes (a
// Word .docx), written without the code (thirteenth session), tuned on. First measured at 0.600 (12 wrong).
describe("quality on set AQ (a party-dues Hướng dẫn; a cell's meeting minutes as .docx; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-aq", [path.join(ROOT, "eval/corpus-tune-aq")]);
    await expectFloors(engine, [["eval/tune-aq.jsonl", 0.6, 12]]);
  });
});

// A Tỉnh ủy's Quy định on its Ban Tổ chức's functions (Chương/Điều/khoản/điểm) and a district inspection
// committee's annual report with a table, written without the code (thirteenth session), never read: held
// out. First measured at 0.783 (4 wrong).
describe("held-out quality on set AR (legal-site markdown: a Quy định on a Ban's functions, an inspection report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ar", [path.join(ROOT, "eval/corpus-heldout-ar")]);
    await expectFloors(engine, [["eval/heldout-ar.jsonl", 0.7, 4]]);
  });
});

// A Thành ủy standing committee's Chương trình hành động on cadre work and a decision confirming a ward's
// election results, written without the code (thirteenth session), never read: held out. First measured at
// 0.733 (5 wrong).
describe("held-out quality on set AS (legal-site markdown: a Chương trình hành động, an election-confirming decision; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-as", [path.join(ROOT, "eval/corpus-heldout-as")]);
    await expectFloors(engine, [["eval/heldout-as.jsonl", 0.68, 7]]);
  });
});

// A Huyện ủy's working Quy chế (Chương/Điều: meeting regime, signing authority) and a district's six-month
// report on party building with a table by commune, 16 English questions, written without the code
// (thirteenth session), tuned on. First measured at 0.600 (8 wrong).
describe("quality on set AT (legal-site markdown: a working Quy chế, a six-month report; 16 English; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-at", [path.join(ROOT, "eval/corpus-tune-at")]);
    await expectFloors(engine, [["eval/tune-at.jsonl", 0.62, 5]]);
  });
});

// A Ban Tổ chức Thành ủy's Hướng dẫn on transferring party membership and a ward Đảng ủy's Thông báo of a
// meeting's conclusions as plain text, 24 toneless or misspelt questions, written without the code (thirteenth
// session), tuned on. First measured at 0.700 (7 wrong).
describe("quality on set AU (a Hướng dẫn on transferring membership; a Thông báo as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-au", [path.join(ROOT, "eval/corpus-tune-au")]);
    await expectFloors(engine, [["eval/tune-au.jsonl", 0.67, 8]]);
  });
});

// A Tỉnh ủy's Quy định on standards and steps for appointing and nominating cadres and a Ban Dân vận's report
// on grassroots democracy with a table, written without the code (thirteenth session), never read: held out.
// First measured at 0.800 (3 wrong).
describe("held-out quality on set AV (legal-site markdown: an appointment Quy định, a Ban Dân vận report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-av", [path.join(ROOT, "eval/corpus-heldout-av")]);
    await expectFloors(engine, [["eval/heldout-av.jsonl", 0.77, 4]]);
  });
});

// A commune Đảng ủy's Nghị quyết on the year's tasks with a table of targets and a chi bộ congress's
// vote-counting minutes as plain text, written without the code (fourteenth session), tuned on. First
// measured at 0.650 (7 wrong, with corpus-extra beside it).
describe("quality on set AW (legal-site markdown: a Nghị quyết with a targets table; vote-counting minutes as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-aw", [path.join(ROOT, "eval/corpus-tune-aw")]);
    await expectFloors(engine, [["eval/tune-aw.jsonl", 0.63, 6]]);
  });
});

// A Đảng ủy Khối's Quy định on chi bộ meetings (Chương/Điều/khoản/điểm) and a party newspaper's HTML page on a
// district inspection commission's year, with a table, 14 English questions, written without the code
// (fourteenth session), tuned on. First measured at 0.633 (8 wrong, with corpus-extra beside it).
describe("quality on set AX (legal-site markdown: a Quy định on chi bộ meetings; a newspaper's HTML page with a table; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ax", [path.join(ROOT, "eval/corpus-tune-ax")]);
    await expectFloors(engine, [["eval/tune-ax.jsonl", 0.63, 9]]);
  });
});

// A Tỉnh ủy standing committee's Kế hoạch kiểm tra, giám sát with a schedule table and a Huyện ủy's Kết luận
// after inspecting a commune, written without the code (fourteenth session), never read: held out. First
// measured at 0.817 (2 wrong, with corpus-extra beside it).
describe("held-out quality on set AY (legal-site markdown: an inspection Kế hoạch, an inspection Kết luận; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ay", [path.join(ROOT, "eval/corpus-heldout-ay")]);
    await expectFloors(engine, [["eval/heldout-ay.jsonl", 0.71, 4]]);
  });
});

// A Huyện ủy's Quyết định setting up an inspection team (articles, member list) and a Ban Tổ chức's Công văn
// asking for membership reports as plain text, 16 English questions, written without the code (fourteenth
// session), never read: held out. First measured at 0.583 (9 wrong, with corpus-extra beside it).
describe("held-out quality on set AZ (legal-site markdown: a Quyết định with a member list; a Công văn as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-az", [path.join(ROOT, "eval/corpus-heldout-az")]);
    await expectFloors(engine, [["eval/heldout-az.jsonl", 0.55, 6]]);
  });
});

// A Huyện ủy standing committee's Kết luận on merging chi bộ after villages merged (legal-site markdown, with a
// table) and a commune Đảng ủy's six-month report as hard-wrapped text, written without the code (eighteenth
// session), tuned on. First measured at 0.600 (7 wrong, with corpus-extra beside it).
describe("quality on set BA (legal-site markdown: a Kết luận on merging chi bộ; a commune's report as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ba", [path.join(ROOT, "eval/corpus-tune-ba")]);
    await expectFloors(engine, [["eval/tune-ba.jsonl", 0.72, 5]]);
  });
});

// A Tỉnh ủy's Chỉ thị on chi bộ congresses as an HTML document page (header in a table, an appendix table) and a
// Đảng ủy Khối's Kế hoạch carrying it out (legal-site markdown), written without the code (eighteenth session),
// tuned on. First measured at 0.700 (6 wrong, with corpus-extra beside it).
describe("quality on set BB (an HTML Chỉ thị; a legal-site markdown Kế hoạch with a timetable; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bb", [path.join(ROOT, "eval/corpus-tune-bb")]);
    await expectFloors(engine, [["eval/tune-bb.jsonl", 0.73, 5]]);
  });
});

// A commune Ban Chấp hành's Quy chế làm việc (Chương/Điều/khoản, legal-site markdown with banners) and a Thành
// ủy's Thông báo kết luận as hard-wrapped text, written without the code (eighteenth session), never read: held
// out. First measured at 0.583 (2 wrong, with corpus-extra beside it).
describe("held-out quality on set BC (a legal-site markdown Quy chế làm việc; a Thông báo kết luận as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bc", [path.join(ROOT, "eval/corpus-heldout-bc")]);
    await expectFloors(engine, [["eval/heldout-bc.jsonl", 0.55, 4]]);
  });
});

// A Ban Tổ chức Huyện ủy's Tờ trình on merging chi bộ as hard-wrapped text and a provincial party newspaper's
// HTML page on a district congress (elections, delegates, a table of the standing committee), written without
// the code (eighteenth session), never read: held out. First measured at 0.600 (4 wrong, with corpus-extra
// beside it).
describe("held-out quality on set BD (a Tờ trình as .txt; a newspaper's HTML page on a district congress; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bd", [path.join(ROOT, "eval/corpus-heldout-bd")]);
    await expectFloors(engine, [["eval/heldout-bd.jsonl", 0.58, 5]]);
  });
});

// A Ban Thường vụ Tỉnh ủy's Quyết định approving a district committee's reorganisation (legal-site markdown with
// tables of names) and a Ban Tổ chức Huyện ủy's Hướng dẫn on admitting members as hard-wrapped text, written
// without the code (nineteenth session), tuned on. First measured at 0.650 (10 wrong, with corpus-extra beside it).
describe("quality on set BE (a legal-site markdown Quyết định with tables of names; a Hướng dẫn as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-be", [path.join(ROOT, "eval/corpus-tune-be")]);
    await expectFloors(engine, [["eval/tune-be.jsonl", 0.72, 6]]);
  });
});

// A Đảng ủy Khối Doanh nghiệp's annual report as an HTML document page (a table of figures) and a commune
// congress's Nghị quyết as hard-wrapped text, written without the code (nineteenth session), tuned on. First
// measured at 0.683 (4 wrong, with corpus-extra beside it).
describe("quality on set BF (an HTML report with a table of figures; a congress Nghị quyết as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bf", [path.join(ROOT, "eval/corpus-tune-bf")]);
    await expectFloors(engine, [["eval/tune-bf.jsonl", 0.68, 3]]);
  });
});

// A Ủy ban Kiểm tra Huyện ủy's yearly inspection Kế hoạch (legal-site markdown with a timetable) and a chi bộ's
// meeting minutes as hard-wrapped text, written without the code (nineteenth session), never read: held out.
// First measured at 0.617 (9 wrong, with corpus-extra beside it).
describe("held-out quality on set BG (a legal-site markdown Kế hoạch of an inspection commission; a chi bộ's minutes as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bg", [path.join(ROOT, "eval/corpus-heldout-bg")]);
    await expectFloors(engine, [["eval/heldout-bg.jsonl", 0.57, 11]]);
  });
});

// A Ban Tổ chức Tỉnh ủy's Công văn on the yearly review and rating as an HTML document page (a table of
// deadlines) and a ward Đảng ủy's Quy định on members keeping contact where they live (legal-site markdown,
// Chương/Điều), written without the code (nineteenth session), never read: held out. First measured at 0.733
// (5 wrong, with corpus-extra beside it).
describe("held-out quality on set BH (an HTML Công văn; a legal-site markdown Quy định with Chương/Điều; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bh", [path.join(ROOT, "eval/corpus-heldout-bh")]);
    await expectFloors(engine, [["eval/heldout-bh.jsonl", 0.68, 7]]);
  });
});

// A Ban Tổ chức Tỉnh ủy's Tờ trình on rotating cadres (legal-site markdown: a table of names, years of birth,
// offices now and proposed; the head's signing block) and a village chi bộ's year-end self-review as
// hard-wrapped text, written without the code (twentieth session), tuned on. First measured at 0.700 (3 wrong,
// with corpus-extra beside it).
describe("quality on set BI (a legal-site Tờ trình with a table of cadres; a chi bộ's self-review as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bi", [path.join(ROOT, "eval/corpus-tune-bi")]);
    await expectFloors(engine, [["eval/tune-bi.jsonl", 0.78, 3]]);
  });
});

// A Đảng ủy xã's Đề án on reorganising village chi bộ (an HTML page: a before/after table, steps dated in their
// headings) and a Huyện ủy standing committee's Thông báo dividing its members' duties (markdown, one "###"
// heading per member over bullets), written without the code (twentieth session), tuned on. First measured at
// 0.633 (9 wrong, with corpus-extra beside it).
describe("quality on set BJ (an HTML Đề án with steps and a table; a markdown notice of members' duties; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bj", [path.join(ROOT, "eval/corpus-tune-bj")]);
    await expectFloors(engine, [["eval/tune-bj.jsonl", 0.75, 5]]);
  });
});

// A ward Đảng ủy's Kế hoạch on mass mobilisation (legal-site markdown with a timetable) and a neighbourhood chi
// bộ's monthly Nghị quyết as text, written without the code (twentieth session), never read: held out. First
// measured at 0.517 (3 wrong, with corpus-extra beside it).
describe("held-out quality on set BK (a legal-site markdown Kế hoạch with a timetable; a chi bộ's Nghị quyết as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bk", [path.join(ROOT, "eval/corpus-heldout-bk")]);
    await expectFloors(engine, [["eval/heldout-bk.jsonl", 0.47, 5]]);
  });
});

// A Ban Thường vụ Huyện ủy's Quyết định founding a hospital's Đảng bộ (an HTML page: articles, the provisional
// committee in a table) and a college Đảng bộ's political report copied out of a PDF (page numbers, running
// headers, hard wraps), written without the code (twentieth session), never read: held out. First measured at
// 0.533 (6 wrong, with corpus-extra beside it).
describe("held-out quality on set BL (an HTML Quyết định with a committee table; a political report copied from a PDF; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bl", [path.join(ROOT, "eval/corpus-heldout-bl")]);
    await expectFloors(engine, [["eval/heldout-bl.jsonl", 0.48, 8]]);
  });
});

// A Ban Tổ chức Huyện ủy's Hướng dẫn on collecting and using party dues (legal-site markdown: tables of rates,
// a payment calendar and the shares each level keeps) and a Văn phòng Tỉnh ủy's Công văn asking for reports on
// the electronic party member handbook (hard-wrapped text: a "V/v" subject, "Kính gửi", a contact with phone
// numbers and an e-mail address), written without the code (twenty-first session), tuned on. First measured at
// 0.783 (5 wrong, with corpus-extra beside it).
describe("quality on set BM (a legal-site Hướng dẫn on party dues with tables; a Công văn as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bm", [path.join(ROOT, "eval/corpus-tune-bm")]);
    await expectFloors(engine, [["eval/tune-bm.jsonl", 0.8, 4]]);
  });
});

// A commune Đảng ủy's review of five years of members keeping contact with their residence (an HTML page: a
// table of villages, header and signing block in tables) and a Quy chế phối hợp between the Đảng ủy and the
// commune's Mặt trận (markdown: Chương / Điều headings, the header as plain lines, a "giữa …" subject), written
// without the code (twenty-first session), tuned on. First measured at 0.567 (2 wrong, with corpus-extra beside
// it).
describe("quality on set BN (an HTML review with a table of villages; a markdown Quy chế phối hợp; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bn", [path.join(ROOT, "eval/corpus-tune-bn")]);
    await expectFloors(engine, [["eval/tune-bn.jsonl", 0.8, 5]]);
  });
});

// A district Ủy ban Kiểm tra's Thông báo on its quarterly meeting (disciplinary measures for named members, as
// .txt) and a town standing committee's Kế hoạch for a conference studying a resolution (an HTML page with an
// agenda table), written without the code (twenty-first session), never read: held out. First measured at 0.467
// (4 wrong, with corpus-extra beside it).
describe("held-out quality on set BO (an inspection commission's notice as .txt; an HTML conference plan; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bo", [path.join(ROOT, "eval/corpus-heldout-bo")]);
    await expectFloors(engine, [["eval/heldout-bo.jsonl", 0.42, 6]]);
  });
});

// A ward Đảng ủy's Nghị quyết chuyên đề on digital transformation (legal-site markdown) and a chi bộ congress's
// vote-counting minutes (hard-wrapped text with vote tables), written without the code (twenty-first session),
// never read: held out. First measured at 0.517 (5 wrong, with corpus-extra beside it).
describe("held-out quality on set BP (a legal-site Nghị quyết; a chi bộ's vote-counting minutes as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bp", [path.join(ROOT, "eval/corpus-heldout-bp")]);
    await expectFloors(engine, [["eval/heldout-bp.jsonl", 0.47, 7]]);
  });
});

// A Huyện ủy's Quyết định khen thưởng for five years of excellent work (legal-site markdown with header and
// awardee tables) and a chi bộ's minutes reviewing an applicant for admission (hard-wrapped text), written
// without the code (twenty-second session), tuned on. First measured at 0.683 (6 wrong, with corpus-extra
// beside it).
describe("quality on set BQ (a legal-site commendation decision with tables; admission-review minutes as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bq", [path.join(ROOT, "eval/corpus-tune-bq")]);
    await expectFloors(engine, [["eval/tune-bq.jsonl", 0.63, 7]]);
  });
});

// A Tỉnh ủy's Kế hoạch for studying a new resolution (an HTML page: header and schedule of conferences in
// tables) and a Ban Tổ chức's Công văn on issuing party cards (a plain-line header, one paragraph a line),
// written without the code (twenty-second session), tuned on. First measured at 0.767 (2 wrong, with
// corpus-extra beside it).
describe("quality on set BR (an HTML study plan with a schedule table; a Công văn on party cards as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-br", [path.join(ROOT, "eval/corpus-tune-br")]);
    await expectFloors(engine, [["eval/tune-br.jsonl", 0.72, 3]]);
  });
});

// A commune standing committee's collective self-criticism report (markdown, plain-line header) and a
// district Ủy ban Kiểm tra's disciplinary decision against a chi bộ's committee (hard-wrapped text), written
// without the code (twenty-second session), never read: held out. First measured at 0.733 (5 wrong, with
// corpus-extra beside it).
describe("held-out quality on set BS (a self-criticism report as markdown; a disciplinary decision as .txt; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bs", [path.join(ROOT, "eval/corpus-heldout-bs")]);
    await expectFloors(engine, [["eval/heldout-bs.jsonl", 0.68, 6]]);
  });
});

// A Huyện ủy's notice convening its executive committee (an HTML page with header and agenda tables) and a
// Đảng ủy Khối's Quy định on exemplary responsibility (legal-site markdown, Chương / Điều), written without
// the code (twenty-second session), never read: held out. First measured at 0.383 (2 wrong, with
// corpus-extra beside it).
describe("held-out quality on set BT (an HTML convening notice with an agenda table; a legal-site Quy định; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bt", [path.join(ROOT, "eval/corpus-heldout-bt")]);
    await expectFloors(engine, [["eval/heldout-bt.jsonl", 0.33, 3]]);
  });
});

// A Đảng ủy xã's Nghị quyết on the year's tasks (legal-site markdown, header table, I./1./a) headings) and a
// district Ủy ban Kiểm tra's quarterly report on inspection and discipline (text hard-wrapped at 80
// characters, a results table drawn in text), written without the code (twenty-third session), tuned on.
// First measured at 0.733 (4 wrong).
describe("quality on set BU (a legal-site commune resolution; a hard-wrapped inspection report as .txt; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bu", [path.join(ROOT, "eval/corpus-tune-bu")]);
    await expectFloors(engine, [["eval/tune-bu.jsonl", 0.7, 5]]);
  });
});

// A Ban Thường vụ Huyện ủy's notice assigning its members' duties (an HTML page: header table, members in
// paragraphs and a table) and a chi bộ's plan for its congress (markdown without tables, plain-line header),
// written without the code (twenty-third session), never read: held out. First measured at 0.767 (4 wrong).
describe("held-out quality on set BV (an HTML duty-assignment notice with a table; a chi bộ congress plan as markdown; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bv", [path.join(ROOT, "eval/corpus-heldout-bv")]);
    await expectFloors(engine, [["eval/heldout-bv.jsonl", 0.7, 5]]);
  });
});

// A Ban Thường vụ Huyện ủy's concluding notice copied from a PDF into .txt (page headers and footers, a
// table drawn with +---+) and an HTML Hướng dẫn on year-end review and grading (lists and tables), written
// without the code (twenty-third session), never read: held out. First measured at 0.733 (2 wrong).
describe("held-out quality on set BX (a PDF-copied concluding notice as .txt; an HTML review guidance; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bx", [path.join(ROOT, "eval/corpus-heldout-bx")]);
    await expectFloors(engine, [["eval/heldout-bx.jsonl", 0.7, 4]]);
  });
});

// A commune Party committee's working rules (Quyết định with a Quy chế: Chương / Điều / khoản / điểm, as a
// legal site publishes them) and a company chi bộ's meeting minutes hard-wrapped at 75 characters, written
// without the code (twenty-third session), tuned on. First measured at 0.650 (3 wrong).
describe("quality on set BW (a commune working regulation as markdown; hard-wrapped chi bộ minutes; tuned on)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-bw", [path.join(ROOT, "eval/corpus-tune-bw")]);
    await expectFloors(engine, [["eval/tune-bw.jsonl", 0.6, 5]]);
  });
});

// A provincial Đảng ủy Khối Doanh nghiệp's year-end report as an HTML page (header table, headings, two
// data tables) and a Huyện ủy Standing Committee's decision approving a by-election (markdown with a header
// table and a vote appendix), written without the code (twenty-third session), never read: held out. First
// measured at 0.467 (6 wrong).
describe("held-out quality on set BY (an HTML year-end report with tables; a by-election approval decision; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-by", [path.join(ROOT, "eval/corpus-heldout-by")]);
    await expectFloors(engine, [["eval/heldout-by.jsonl", 0.43, 8]]);
  });
});

// A district Standing Committee's concluding notice (legal-site markdown with a header table) and a commune
// Party committee's year-end grading report (plain text, one section hard-wrapped), written without the code
// (twenty-fifth session), never read: held out. First measured here at 0.733 (7 wrong), with the verifier.
describe("held-out quality on set BZ (a concluding notice as markdown; a commune grading report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-bz", [path.join(ROOT, "eval/corpus-heldout-bz")]);
    await expectFloors(engine, [["eval/heldout-bz.jsonl", 0.7, 8]]);
  });
});

// A provincial Organisation Board's guidance on admitting members as a saved web page (site banners, header
// table) and a village chi bộ's meeting minutes, written without the code (twenty-fifth session), never read:
// held out. First measured here at 0.800 (3 wrong), with the verifier.
describe("held-out quality on set CA (a guidance web page with banners; chi bộ minutes; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-ca", [path.join(ROOT, "eval/corpus-heldout-ca")]);
    await expectFloors(engine, [["eval/heldout-ca.jsonl", 0.77, 6]]);
  });
});

// A provincial Quy định on party members in private enterprises as legal-site markdown (header table,
// Chương/Điều/khoản/điểm, site noise) and a ward's six-month report (plain text, a tabbed table, one section
// hard-wrapped), written without the code (twenty-sixth session), never read: held out. Measured on the
// session's starting code at 0.800 (1 wrong), on its final code at 0.817 (2 wrong).
describe("held-out quality on set CB (a Quy định as legal-site markdown; a ward's six-month report; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-cb", [path.join(ROOT, "eval/corpus-heldout-cb")]);
    await expectFloors(engine, [["eval/heldout-cb.jsonl", 0.78, 4]]);
  });
});

// A district Huyện ủy's Nghị quyết on developing members saved as a portal web page (menus, footer, a
// targets table) and the minutes of a commune Executive Committee conference (votes, attendance, hard-wrapped
// lines), written without the code (twenty-sixth session), not read (its result was used once, to revert a
// change that answered one of its unanswerable questions): held out. 0.700 (6 wrong) on the session's starting
// and final code.
describe("held-out quality on set CC (a Nghị quyết web page; commune conference minutes; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-cc", [path.join(ROOT, "eval/corpus-heldout-cc")]);
    await expectFloors(engine, [["eval/heldout-cc.jsonl", 0.66, 8]]);
  });
});

// A district Huyện ủy's inspection and supervision plan for 2026 as legal-site markdown (header table, each
// inspection listed as "- Nội dung / Đối tượng / Thời gian / Đoàn kiểm tra") and a commune's nine-month report
// (plain text, hard-wrapped, a table of figures by chi bộ written with tabs), written without the code
// (twenty-seventh session) and read for failure classes: tuned on. 0.700 on the session's starting code,
// 0.750 (1 wrong) on its final code.
describe("quality on set CD (an inspection plan as legal-site markdown; a commune report with a tab table)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-cd", [path.join(ROOT, "eval/corpus-tune-cd")]);
    await expectFloors(engine, [["eval/tune-cd.jsonl", 0.71, 3]]);
  });
});

// A decision issuing a working regulation (Chương/Điều/khoản) saved as a news-portal page and a ward Standing
// Committee's notice of conclusions, written without the code (twenty-seventh session) and read for failure
// classes: tuned on. 0.750 on the session's starting code, 0.783 (2 wrong) on its final code.
describe("quality on set CE (a working regulation as a portal page; a ward's notice of conclusions)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ce", [path.join(ROOT, "eval/corpus-tune-ce")]);
    await expectFloors(engine, [["eval/tune-ce.jsonl", 0.75, 4]]);
  });
});

// A ward's resolution on the year's party building as legal-site markdown (a four-column properties table) and
// a khu phố party cell's monthly minutes, written without the code with 18 tempting questions of 60 the
// documents cannot answer (twenty-eighth session): tuned on. 0.667 (8 wrong) on the session's starting code,
// 0.717 (8 wrong) on its final code.
describe("quality on set CH (a ward's resolution as legal-site markdown; a khu phố chi bộ's minutes)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ch", [path.join(ROOT, "eval/corpus-tune-ch")]);
    await expectFloors(engine, [["eval/tune-ch.jsonl", 0.68, 10]]);
  });
});

// A provincial Organisation Board's grading guidance as a portal HTML page and a district's nine-month report
// on admissions (markdown, a table per commune), written without the code with 18 tempting questions of 60
// (twenty-eighth session): tuned on. 0.717 (8 wrong) on the session's starting and final code.
describe("quality on set CI (a grading guidance as a portal page; a district's admissions report)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("tune-ci", [path.join(ROOT, "eval/corpus-tune-ci")]);
    await expectFloors(engine, [["eval/tune-ci.jsonl", 0.68, 10]]);
  });
});

// A provincial Organisation Board's guidance on the annual review and grading as legal-site markdown and a
// village chi bộ congress's minutes (votes, attendance), written without the code (twenty-seventh session),
// never read: held out. 0.750 (7 wrong) on the session's starting and final code (8 wrong in this test's index).
describe("held-out quality on set CF (a grading guidance as legal-site markdown; chi bộ congress minutes; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-cf", [path.join(ROOT, "eval/corpus-heldout-cf")]);
    await expectFloors(engine, [["eval/heldout-cf.jsonl", 0.71, 10]]);
  });
});

// A provincial Standing Committee's directive on mass mobilisation saved as a portal page and a hospital
// department chi bộ's six-month review (a tabbed table), written without the code (twenty-seventh session),
// never read: held out. 0.783 (3 wrong) on the session's starting code, 0.833 (1 wrong) on its final code.
describe("held-out quality on set CG (a directive as a portal page; a hospital chi bộ's six-month review; never read)", () => {
  it("keeps its floor", async () => {
    const engine = await buildEngine("heldout-cg", [path.join(ROOT, "eval/corpus-heldout-cg")]);
    await expectFloors(engine, [["eval/heldout-cg.jsonl", 0.8, 3]]);
  });
});
