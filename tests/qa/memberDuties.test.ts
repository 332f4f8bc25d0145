/**
 * A notice assigning the duties of a standing committee's members, the way it is published: each member
 * a numbered lead naming the person and offices, then the duties as bullets or as one hard-wrapped
 * paragraph. A who-question is answered by the duty and must show whose it is.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { understandQuestion } from "../../src/qa/query.js";
import { expandTexting } from "../../src/text/lexicon.js";
import { engineOver } from "../support/corpusEngine.js";

// Leads ending with a full stop, duties as bullets (a PDF copy); the first lead is longer than a title.
const BULLETED = [
  "TỈNH ỦY HÀ LINH THƯỢNG",
  "Số 248-TB/TU",
  "",
  "THÔNG BÁO",
  "về việc phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy khóa XVIII",
  "",
  "I. PHÂN CÔNG NHIỆM VỤ CỤ THỂ",
  "",
  "1. Đồng chí Trương Quốc Thịnh - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh, Chủ tịch Hội đồng nhân dân tỉnh.",
  "- Lãnh đạo, chỉ đạo toàn diện hoạt động của Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy; trực tiếp phụ trách công tác tổ chức - cán bộ, quốc phòng, an ninh, nội chính.",
  "- Bí thư Đảng ủy Quân sự tỉnh; Trưởng Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh.",
  "- Theo dõi, chỉ đạo Đảng bộ phường Hà Linh và Đảng bộ Công an tỉnh.",
  "",
  "2. Đồng chí Lê Anh Tuấn - Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh.",
  "- Giúp Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo lĩnh vực kế hoạch, tài chính, ngân sách, đất đai, môi trường; Trưởng Ban Chỉ đạo giải phóng mặt bằng các dự án trọng điểm của tỉnh.",
  "- Theo dõi, chỉ đạo Đảng bộ các xã: Khe Mó, Vạn Phúc Hạ, Yên Trạch.",
  "",
].join("\n");

// Leads ending with a colon, duties in one hard-wrapped paragraph well over an answer's length.
const WRAPPED = [
  "HUYỆN ỦY KIM SƠN HẠ",
  "Số 31-TB/HU",
  "",
  "THÔNG BÁO",
  "phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ Huyện ủy",
  "",
  "1. Đồng chí Vũ Thị Lan, Phó Bí thư Thường trực Huyện ủy: Giúp Bí thư chỉ đạo,",
  "điều hành công việc hằng ngày của Thường trực Huyện ủy; phụ trách công tác",
  "xây dựng Đảng, dân vận, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội; chủ",
  "trì công tác thi đua, khen thưởng của Huyện ủy; theo dõi, chỉ đạo Đảng bộ xã Đông Khê.",
  "",
  "2. Đồng chí Ngô Thanh Bình, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy:",
  "Phụ trách công tác kiểm tra, giám sát, thi hành kỷ luật trong Đảng; theo dõi, chỉ",
  "đạo Đảng bộ thị trấn Bình Khê.",
  "",
].join("\n");

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("duties", { "tb-248.txt": BULLETED, "tb-31.txt": WRAPPED }));
});

afterAll(async () => {
  await cleanup();
});

describe("a notice of members' duties", () => {
  it("names the member whose bullet states the duty asked", async () => {
    const r = await engine.ask("Ai theo dõi, chỉ đạo Đảng bộ xã Yên Trạch?");
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain("Lê Anh Tuấn");
    expect(r.answer).toContain("Yên Trạch");
  });

  it("names the member even where the lead is too long to be a title and the bullets stand apart", async () => {
    const r = await engine.ask("Ai làm Bí thư Đảng ủy Quân sự tỉnh Hà Linh Thượng?");
    expect(r.answer).toContain("Trương Quốc Thịnh");
  });

  it("answers who holds an office from the lead itself", async () => {
    const r = await engine.ask("Ai là Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Hà Linh Thượng?");
    expect(r.answer).toContain("Lê Anh Tuấn");
  });

  it("keeps the member's name when a long paragraph of duties is cut to the one asked", async () => {
    const r = await engine.ask("Who directs the party committee of Đông Khê commune?");
    expect(r.answer).toMatch(/^Đồng chí Vũ Thị Lan/u);
    expect(r.answer).toContain("Đảng bộ xã Đông Khê");
  });

  it("cuts a named member's duties to the ones asked", async () => {
    const r = await engine.ask("Đồng chí Vũ Thị Lan theo dõi, chỉ đạo đảng bộ xã nào?");
    expect(r.answer).toMatch(/^Đồng chí Vũ Thị Lan.*Đảng bộ xã Đông Khê/su);
  });
});

describe("asking which comrade", () => {
  it("reads \"đồng chí Ủy viên Thường vụ nào\" and \"thành viên nào\" as asking for a person", () => {
    for (const q of ["Việc gọi thanh niên nhập ngũ do đồng chí Ủy viên Thường vụ nào chỉ đạo?", "Thành viên nào phụ trách tổ giúp việc?"]) {
      const plan = understandQuestion(q);
      expect(plan.kind).toBe("who");
      expect(plan.actor).toBe("person");
    }
    expect(understandQuestion("Đồng chí Lan phụ trách xã nào?").kind).not.toBe("who");
  });

  it("reads \"ai … giữ chức\" and \"who was approved as\" as asking for a person, and a body asked about an office as a body", () => {
    expect(understandQuestion("Ai được chuẩn y giữ chức Phó Bí thư Chi bộ thôn Cây Gáo?").actor).toBe("person");
    expect(understandQuestion("Who was approved as Secretary of the Cây Gáo village party cell?").actor).toBe("person");
    expect(understandQuestion("Khi cho thôi giữ chức vụ, cơ quan nào trao đổi trước với người đứng đầu?").actor).toBe("any");
  });

  it("reads \"đc nào\" as \"đồng chí nào\", and \"đc\" elsewhere as \"được\"", () => {
    expect(expandTexting("đc nào dc phân công phụ trách xã Quảng Lạc")).toBe("đồng chí nào được phân công phụ trách xã Quảng Lạc");
  });
});
