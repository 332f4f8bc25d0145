import { describe, expect, it } from "vitest";
import { TermStats } from "../../src/index/termStats.js";
import { restoreAccents, type RestorationModel } from "../../src/qa/diacritics.js";
import { understandQuestion } from "../../src/qa/query.js";
import { withRestoredAccents } from "../../src/qa/restore.js";
import { checkSpelling } from "../../src/qa/spelling.js";

/** A model from a corpus-wide count table and the text of the "retrieved passages" (accent keys, spaced). */
function model(counts: Record<string, number>, variants: Record<string, string[]>, retrieved: string): RestorationModel {
  const keys = retrieved.split(/\s+/);
  const bigrams = new Map<string, number>();
  const unigrams = new Map<string, number>();
  keys.forEach((k, i) => {
    unigrams.set(k, (unigrams.get(k) ?? 0) + 1);
    const next = keys[i + 1];
    if (next) bigrams.set(`${k} ${next}`, (bigrams.get(`${k} ${next}`) ?? 0) + 1);
  });
  return {
    variants: (f) => variants[f] ?? [],
    count: (k) => counts[k] ?? 0,
    localBigram: (a, b) => bigrams.get(`${a} ${b}`) ?? 0,
    localCount: (k) => unigrams.get(k) ?? 0,
  };
}

describe("diacritic restoration from the corpus", () => {
  const variants = { chi: ["chi", "chis", "chir", "chij"], bo: ["bôj", "bôf", "bos", "bof"], hop: ["hopj", "hơpj", "hôpj"] };
  const counts = { chi: 50, chis: 80, chir: 40, chij: 5, "bôj": 60, "bôf": 5, bos: 3, bof: 2, hopj: 30, "hơpj": 40, "hôpj": 2 };

  it("takes the forms that stand together in the retrieved passages, not the most frequent ones", () => {
    const m = model(counts, variants, "chi bôj hopj thương lệ môix thangs");
    expect(restoreAccents(["chi", "bo", "hop"], m)).toEqual(["chi", "bôj", "hopj"]);
  });

  it("leaves a syllable folded when its neighbours support two forms alike", () => {
    const m = model({ "phương": 90, "phươngf": 10, cos: 100 }, { phuong: ["phương", "phươngf"], co: ["cos"] }, "điaj phương cos . phươngf cos");
    expect(restoreAccents(["phuong", "co"], m)[0]).toBeNull();
  });

  it("leaves a syllable folded when one neighbour stands beside another form only (\"khi sắp\" but \"sáp nhập\")", () => {
    const m = model({ "săps": 90, saps: 20, khi: 100, "nhâpj": 30 }, { khi: ["khi"], sap: ["săps", "saps"], nhap: ["nhâpj"] }, "khi săps xêps . khi săps xêps . khi săps xêps . khi săps xêps . việc saps nhâpj thôn");
    expect(restoreAccents(["khi", "sap", "nhap"], m)[1]).toBeNull();
  });

  it("leaves numbers and syllables the corpus never uses folded", () => {
    const m = model(counts, variants, "chi bôj");
    expect(restoreAccents(["2025", "chi", "bo", "xyz"], m)).toEqual([null, "chi", "bôj", null]);
  });
});

describe("levels read again once the accents are restored", () => {
  it("drops a level the folded question seemed to name (\"lam an xa\": far, not xã) and keeps one it names", () => {
    const passages = [
      "Đảng viên đi làm ăn xa phải báo cáo với chi bộ trước ngày 31/8/2025.",
      "Chi bộ quản lý đảng viên đi làm ăn xa nơi cư trú.",
      "Đảng ủy các xã tổng hợp danh sách đảng viên đi làm ăn xa.",
    ];
    const stats = new TermStats();
    for (const p of passages) stats.add(p);
    const far = checkSpelling(understandQuestion("dang vien di lam an xa phai bao cao truoc ngay nao"), stats);
    expect(far.levels).toContain("xa");
    expect(withRestoredAccents(far, passages, stats).levels).not.toContain("xa");
    const commune = checkSpelling(understandQuestion("dang uy cac xa tong hop danh sach gi"), stats);
    expect(withRestoredAccents(commune, passages, stats).levels).toContain("xa");
  });
});
