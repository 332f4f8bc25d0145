import { describe, expect, it } from "vitest";
import { HEADER_FIELDS } from "../../src/corpus/header.js";
import { TermStats } from "../../src/index/termStats.js";
import { extractAnswer, trimAnswer, type CandidatePassage, mayOpenItem, ordinalPattern } from "../../src/qa/answer.js";
import { englishNumbersAsVietnamese, findCompounds, understandQuestion, withPlacesNamedIn } from "../../src/qa/query.js";
import { checkSpelling } from "../../src/qa/spelling.js";
import { withPolicy } from "../../src/qa/policy.js";
import { inStatedRange, speaksOf, termIn, termSets } from "../../src/qa/termSets.js";
import { answersKind, asksContact, givesOnlyDeadline, givesOnlyEndDate, asksYesOrNo, boundsOtherSide, countsNoun, givesTargetForNow, countedAtStart, countsWithoutNaming, cutsOffPlace, labelsSubject, missingVoteResult, missesNegation, missingIndicator, namesNoDisciplineForm, otherCellKind, otherPlace, otherSector, speaksOnlyOfPilot, citesOtherSubject } from "../../src/qa/slots.js";

const PASSAGES = [
  "Với các chi bộ cơ quan xã, phường, thị trấn, toàn tỉnh có 88/184 xã, phường, thị trấn có chi bộ cơ quan với tổng số 1.357 đảng viên. Cụ thể: 68/152 xã có chi bộ cơ quan với 918 đảng viên; 12/20 phường có chi bộ cơ quan với 262 đảng viên; 8/12 thị trấn có chi bộ cơ quan với 177 đảng viên.",
  "BTV Tỉnh ủy ban hành Kế hoạch số 87-KH/TU ngày 17-11-2009 về xây dựng tổ chức đảng trong các doanh nghiệp. Toàn tỉnh có 59 TCCSĐ trong các DNNKVNN với 975 đảng viên, chiếm 1,3% so với đảng viên của toàn Đảng bộ tỉnh.",
  "Bốn là, thường xuyên nâng cao chất lượng đội ngũ đảng viên, sàng lọc và kiên quyết đưa ra khỏi Đảng những người không đủ tư cách.",
  "Ba là, xây dựng TCCSĐ và hệ thống chính trị ở cơ sở vững mạnh.",
];
const CONTEXTS = ["Những chuyển biến", "Những chuyển biến", "Kinh nghiệm", "Kinh nghiệm"];

function stats(): TermStats {
  const s = new TermStats();
  PASSAGES.forEach((p, i) => s.add(`${p}\n${CONTEXTS[i]}\nKết quả thực hiện Nghị quyết ở Đăk Lăk`));
  return s;
}

function candidates(order: number[]): CandidatePassage[] {
  return order.map((i, rank) => ({ id: `p${i}`, text: PASSAGES[i] ?? "", context: CONTEXTS[i] ?? "", title: "Kết quả thực hiện Nghị quyết ở Đăk Lăk", rank }));
}

/** Extraction over `passages` alone, titled `title`; term statistics from them and the `alsoIndexed` texts. */
function askAmong(passages: readonly string[], question: string, title: string, alsoIndexed: readonly string[] = [], context = "") {
  const s = new TermStats();
  for (const p of [...passages, ...alsoIndexed]) s.add(p);
  return extractAnswer(understandQuestion(question), passages.map((text, rank) => ({ id: `p${rank}`, text, context, title, rank })), s);
}

function ask(question: string, order = [0, 1, 2, 3]) {
  return extractAnswer(understandQuestion(question), candidates(order), stats());
}

describe("answer extraction", () => {
  it("reads framing phrases ('trong vòng', 'chiếm bao nhiêu') as no key terms, and an English opening condition as no 'when'", () => {
    const folds = (q: string): string[] => understandQuestion(q).terms.map((t) => t.fold);
    expect(folds("Chi bộ phải tổ chức lễ kết nạp trong vòng bao nhiêu ngày?")).not.toContain("vong");
    expect(folds("Đảng viên nữ chiếm bao nhiêu phần trăm?")).not.toContain("chiem");
    expect(folds("Đại hội diễn ra vào những ngày nào?")).not.toContain("dien");
    expect(folds("dai hoi cac chi bo con lai lam tu ngay nao toi ngay nao")).not.toEqual(expect.arrayContaining(["tu"]));
    expect(folds("dai hoi cac chi bo con lai lam tu ngay nao toi ngay nao")).not.toContain("toi");
    expect(folds("Nhiệm kỳ vừa qua có mấy chỉ tiêu không đạt?")).not.toContain("vua");
    // An English "first" that opens a period ("the first 12 months") or qualifies a verb ("was first rolled
    // out") asks for no first item.
    expect(understandQuestion("What do officials get if they quit within the first 12 months after the merger?").ordinal).toBeNull();
    expect(understandQuestion("How many members kept contact when Regulation 213 was first rolled out?").ordinal).toBeNull();
    expect(understandQuestion("What is the second task of the plan?").ordinal).toBe(2);
    // ("so với", compared with, frames the ratio asked; "tổng số" keeps its "số".)
    expect(folds("Tỷ lệ đảng viên được đánh giá so với tổng số đảng viên là bao nhiêu?").filter((f) => f === "so")).toHaveLength(1);
    // (A counted noun ends at a comma: "bao nhiêu nữ, chiếm tỷ lệ bao nhiêu" counts women.)
    expect(understandQuestion("Ban Chấp hành có bao nhiêu nữ, chiếm tỷ lệ bao nhiêu?").countedNoun?.map((k) => k.fold)).toEqual(["nu"]);
    // ("nhưng" is a conjunction, as "những" is a quantifier: a function word either way.)
    expect(folds("Hướng dẫn 45 thay thế nhưng hướng dẫn nào?")).not.toContain("nhung");
    expect(understandQuestion("When the higher committee misses its deadline, within how many working days must the case be settled?").kind).toBe("duration");
    expect(understandQuestion("If a member moves away, who keeps the records?").kind).toBe("who");
    expect(understandQuestion("When must the congress be held?").kind).toBe("when");
    expect(understandQuestion("What's the deadline for district committees to report the results?").kind).toBe("date");
    // (A share is asked in whole words: "deputy leader", "Party leadership", "city level" ask none.)
    expect(understandQuestion("Who is the deputy leader of the support team?").kind).toBe("who");
    expect(understandQuestion("Which directive on strengthening Party leadership over emulation work does the plan cite?").kind).not.toBe("percent");
    expect(understandQuestion("What share of members voted for the resolution?").kind).toBe("percent");
    expect(understandQuestion("Tỷ lệ đảng viên nữ là bao nhiêu?").kind).toBe("percent");
    // (An English rate asked is a "tỷ lệ", also when the question says what it is for: "aim to keep".)
    expect(understandQuestion("What was the forest cover rate of the district in 2025?").kind).toBe("percent");
    expect(understandQuestion("What forest cover rate does the congress resolution aim to keep?").kind).toBe("percent");
    // ("kỷ luật" is discipline, no document of the kind "Luật".)
    expect(understandQuestion("Năm 2025 huyện thi hành kỷ luật bao nhiêu đảng viên?").askedDocument.kinds).toBeNull();
    expect(understandQuestion("Luật Cán bộ, công chức quy định gì?").askedDocument.kinds).toEqual(["luat"]);
    // ("có lý do", "không có lý do" qualify an absence; "lý do gì" asks why.)
    expect(understandQuestion("Những đảng viên nào vắng mặt có lý do trong buổi họp?").kind).toBe("list");
    expect(understandQuestion("Đảng viên vắng sinh hoạt vì lý do gì?").kind).toBe("reason");
    expect(understandQuestion("Lý do chuyển sinh hoạt đảng là gì?").kind).toBe("reason");
  });

  it("reads English numbers the Vietnamese way, and English heads past question words and the kind of body asked", () => {
    expect(understandQuestion("What was the total cost of the 1.2 km road?").numbers).toContain("1,2");
    expect(understandQuestion("How many of the 1,150 members are women?").numbers).toContain("1150");
    expect(understandQuestion("What does section 1.2 say?").numbers).toContain("1.2");
    expect(englishNumbersAsVietnamese("a rate of 3.5% and 2.25 percent")).toBe("a rate of 3,5% and 2,25 percent");
    const head = (q: string): string | undefined => understandQuestion(q).headPhrase?.[0]?.join(" ");
    expect(head("How often does the commune have to report progress on the plan?")).not.toMatch(/^may/u);
    expect(head("Which provincial body must supply the figures?")).toBe("cung cap");
    expect(understandQuestion("How many official delegates will the commune send?").countedNoun?.map((k) => k.fold).join(" ")).toMatch(/^dai bieu/u);
    // ("consecutive" qualifies the years counted, as "liên tiếp" or "liên tục".)
    expect(understandQuestion("For how many consecutive years must a candidate have been rated well?").countedNoun?.map((k) => k.fold).join(" ")).toBe("nam");
    // A part of a group counts the group's noun, not the group's owner.
    expect(understandQuestion("How many of the cell's party members are farmers?").countedNoun?.map((k) => k.fold).join(" ")).toBe("dang vien");
  });

  it("reads a range of years typed as one ('2030–2035') as its two years, as a text that spaces them writes them", () => {
    const plan = understandQuestion("Chỉ tiêu kết nạp đảng viên cho nhiệm kỳ 2030–2035 là bao nhiêu?");
    expect(plan.numbers).toEqual(expect.arrayContaining(["2030", "2035"]));
    const r = askAmong(["Nhiệm kỳ 2030 - 2035, phấn đấu kết nạp ít nhất 1.500 đảng viên."], "Chỉ tiêu kết nạp đảng viên cho nhiệm kỳ 2030–2035 là bao nhiêu?", "Báo cáo chính trị");
    expect(r.abstained ? r.reason : r.best?.text).toContain("1.500");
  });

  it("does not give a figure of a period for one year that opens or closes it", () => {
    const period = ["Trong 5 năm (2021 - 2025), Đảng bộ huyện kết nạp 1.206 đảng viên, đạt 109,6% chỉ tiêu."];
    expect(askAmong(period, "Năm 2021 huyện kết nạp bao nhiêu đảng viên?", "Báo cáo").abstained).toBe(true);
    expect(askAmong(period, "Giai đoạn 2021 - 2025 huyện kết nạp bao nhiêu đảng viên?", "Báo cáo").best?.text).toContain("1.206");
    expect(askAmong(period, "giai doan 2021 2025 huyen ket nap bao nhieu dang vien", "Báo cáo").best?.text).toContain("1.206");
    expect(askAmong(["Năm 2021, huyện kết nạp 198 đảng viên; cả giai đoạn 2021 - 2025 kết nạp 1.206 đảng viên."], "Năm 2021 huyện kết nạp bao nhiêu đảng viên?", "Báo cáo").best?.text).toContain("198");
  });

  it("takes comrades counted for an organisation's members ('Ban Thường vụ gồm 13 đồng chí')", () => {
    const sizes = ["Ban Chấp hành Đảng bộ huyện khóa XVIII gồm 43 đồng chí; Ban Thường vụ Huyện ủy gồm 13 đồng chí."];
    const others = ["Quy chế này quy định chế độ làm việc của Ban Thường vụ Huyện ủy và các đồng chí Huyện ủy viên.", "Ban Thường vụ Huyện ủy họp thường kỳ mỗi tháng một lần."];
    const vi = askAmong(sizes, "Ban Thường vụ Huyện ủy có bao nhiêu ủy viên?", "Quy chế làm việc", others);
    expect(vi.abstained ? vi.reason : vi.best?.text).toContain("13 đồng chí");
    const en = askAmong(sizes, "How many members does the Standing Committee of the district Party Committee have?", "Quy chế làm việc", others);
    expect(en.abstained ? en.reason : en.best?.text).toContain("13 đồng chí");
  });

  it("takes the date of a cited document of the kind asked without a number for the date asked", () => {
    const unit = "- Xét đề nghị của Ban Xây dựng Đảng Đảng ủy xã tại Tờ trình số 27-TTr/BXDĐ, ngày 24/02/2026,";
    expect(answersKind(understandQuestion("Tờ trình của Ban Xây dựng Đảng đề nghị thành lập chi bộ có số và ngày nào?"), unit)).toBe(true);
    // (A citation of another kind, or of another number than the one asked, dates nothing asked.)
    expect(answersKind(understandQuestion("Quyết định thành lập chi bộ ban hành ngày nào?"), unit)).toBe(false);
    expect(answersKind(understandQuestion("Tờ trình số 31-TTr/BXDĐ ban hành ngày nào?"), unit)).toBe(false);
  });

  it("answers 'bao lâu một lần' only with a frequency, and reads 'định kỳ' as 'thường lệ'", () => {
    const often = understandQuestion("Ban Chấp hành họp định kỳ bao lâu một lần?");
    expect(answersKind(often, "Đại hội họp từ ngày 05 đến ngày 07/8/2025.")).toBe(false);
    expect(answersKind(often, "Ban Chấp hành Đảng bộ huyện họp thường lệ 03 tháng một lần.")).toBe(true);
    expect(answersKind(understandQuestion("Nhiệm kỳ của Ban Chấp hành kéo dài bao lâu?"), "Nhiệm kỳ là 05 năm.")).toBe(true);
    // ("với tần suất như thế nào" asks the same, in words no passage repeats.)
    const often2 = understandQuestion("Mỗi chi bộ phải tổ chức sinh hoạt chuyên đề với tần suất như thế nào?");
    expect(often2.kind).toBe("duration");
    expect(often2.terms.map((t) => t.fold)).not.toContain("suat");
    expect(answersKind(often2, "Trong năm, chi bộ phải tổ chức ít nhất 01 chuyên đề về chuyển đổi số.")).toBe(false);
    expect(answersKind(often2, "Mỗi chi bộ tổ chức sinh hoạt chuyên đề ít nhất 01 lần trong mỗi quý.")).toBe(true);
    const r = askAmong(["Ban Chấp hành Đảng bộ huyện họp thường lệ 03 tháng một lần."], "Ban Chấp hành họp định kỳ bao lâu một lần?", "Quy chế làm việc", [], "Điều 12. Chế độ họp của Ban Chấp hành");
    expect(r.abstained ? r.reason : r.best?.text).toContain("03 tháng một lần");
  });

  it("answers 'Ai chủ trì …' only with a sentence that says who chaired, and 'Ai giữ chức …' by the holder's office", () => {
    // (The section says "chủ trì": the question's words are all in the passage's context.)
    const attended = ["Dự Hội nghị có 31/35 đồng chí Ủy viên Ban Chấp hành Đảng bộ phường; đồng chí Phùng Khắc Hòa, Phó Trưởng Ban Tổ chức Thành ủy, dự Hội nghị."];
    const others = ["Ban Chấp hành thống nhất các nội dung trọng tâm của quý II.", "Hội nghị biểu quyết thông qua chương trình công tác năm.", "Đảng ủy phường giao chi bộ khu phố tổ chức thực hiện."];
    const section = "Kết luận của đồng chí chủ trì Hội nghị lần thứ tám Ban Chấp hành Đảng bộ phường Kim Thoa";
    const r = askAmong(attended, "Ai chủ trì Hội nghị lần thứ tám Ban Chấp hành Đảng bộ phường Kim Thoa?", "Thông báo kết luận", others, section);
    expect(r.abstained).toBe(true);
    const chaired = ["Đồng chí Hà Văn Luân, Bí thư Đảng ủy phường, chủ trì Hội nghị lần thứ tám."];
    expect(askAmong(chaired, "Ai chủ trì Hội nghị lần thứ tám?", "Thông báo kết luận").best?.text).toContain("Hà Văn Luân");
    // (Said in the sentence before the one naming who attended, in one passage: that sentence answers.)
    const both = [`Đồng chí Hà Văn Luân, Thành ủy viên, Bí thư Đảng ủy phường chủ trì Hội nghị. ${attended[0]}`];
    expect(askAmong(both, "Ai chủ trì Hội nghị lần thứ tám Ban Chấp hành Đảng bộ phường Kim Thoa?", "Thông báo kết luận", others, section).best?.text).toContain("Hà Văn Luân");
    expect(askAmong(["Đồng chí Hà Văn Luân, Bí thư Đảng ủy phường Kim Thoa."], "Ai giữ chức Bí thư Đảng ủy phường Kim Thoa?", "Thông báo").best?.text).toContain("Hà Văn Luân");
    // ("Ai là đảng viên giới thiệu …": the act follows the kind of person.)
    const prepared = ["Đồng chí Nông Thị Huyền hoàn thiện hồ sơ đề nghị kết nạp quần chúng Vi Thị Thu Trang vào Đảng, gửi Đảng ủy xã."];
    expect(askAmong(prepared, "Ai là đảng viên giới thiệu quần chúng Vi Thị Thu Trang vào Đảng?", "Biên bản").abstained).toBe(true);
    expect(askAmong(["Đồng chí Bế Văn Luân giới thiệu quần chúng Vi Thị Thu Trang vào Đảng."], "Ai là đảng viên giới thiệu quần chúng Vi Thị Thu Trang vào Đảng?", "Biên bản").best?.text).toContain("Bế Văn Luân");
  });

  it("reads the noun an English question asks the kind of ('What position does …', 'How much money did …') as answered by an instance of it", () => {
    const money = ["Nhân dân trong xã đóng góp 1,3 tỷ đồng và hơn 2.000 ngày công làm đường giao thông nông thôn."];
    const q = "How much money did the people of the commune contribute to rural roads?";
    const said = (r: ReturnType<typeof askAmong>): string | null | undefined => (r.abstained ? r.reason : r.best?.text);
    expect(said(askAmong(money, q, "Báo cáo"))).toContain("1,3 tỷ");
    // (The phrase after it says what the money is for; a level on the way, "of the commune", says where.)
    expect(understandQuestion(q).headPhrase?.map((p) => p.join(" "))).toEqual(expect.arrayContaining(["tien", "dong gop"]));
    expect(understandQuestion(q).headPhrase?.map((p) => p.join(" "))).not.toContain("xa");
    // (A role is stated by its title, not the word "vai trò": the phrase after it says what the question is about.)
    expect(understandQuestion("What role does Lò Văn Thành hold in the steering committee?").headPhrase).toEqual(expect.arrayContaining([["vai", "tro"], ["giu"]]));
    // (Not a noun that opens a longer one: "What cash bonus comes …" asks of the bonus, "tiền thưởng".)
    const bonus = understandQuestion("What cash bonus comes with the Labour Medal?").headPhrase?.map((p) => p.join(" "));
    expect(bonus).toContain("tien");
    expect(bonus).not.toContain("thuong");
  });

  it("reads a run of capitalised syllables with marks in an English question as a name, whatever English the glossary knows", () => {
    expect(understandQuestion("What position does Vũ Thị Minh Nguyệt hold?").names).toEqual([["vu_thi", "thi_minh", "minh_nguyet"]]);
  });

  it("does not give the pilot congress's date for congresses in general, nor take a name folding like 'thí điểm' for a pilot", () => {
    const units = ["Mỗi đảng ủy cơ sở chọn 01 chi bộ tổ chức đại hội điểm, hoàn thành trước ngày 28/02/2025.", "Các chi bộ còn lại hoàn thành đại hội trước ngày 31/3/2025."];
    const said = (q: string): string | null | undefined => {
      const r = askAmong(units, q, "Kế hoạch đại hội chi bộ");
      return r.abstained ? r.reason : r.best?.text;
    };
    expect(said("Các chi bộ phải tổ chức xong đại hội trước ngày nào?")).toContain("31/3/2025");
    expect(said("Chi bộ làm điểm phải tổ chức xong đại hội trước ngày nào?")).toContain("28/02/2025");
    const plan = understandQuestion("Đồng chí Kiều được xếp loại ở mức nào?");
    expect(speaksOnlyOfPilot(plan, "Đồng chí Phạm Thị Diễm Kiều, Chi ủy viên, đạt 9/11 phiếu.")).toBe(false);
    expect(speaksOnlyOfPilot(plan, "Ban Tổ chức lập 05 đoàn công tác dự kiểm điểm tại một số chi bộ, đảng bộ điểm.")).toBe(false);
  });

  it("does not give the number of a cited document on another subject than the one asked", () => {
    const q = "Kế hoạch của Ban Thường vụ về kiện toàn tổ chức đảng sau khi hợp nhất xã là kế hoạch số mấy?";
    const plan = understandQuestion(q);
    expect(citesOtherSubject(plan, "Ban Thường vụ ban hành Kế hoạch số 87-KH/TU ngày 17/11/2009 về “xây dựng tổ chức đảng trong các doanh nghiệp tư nhân”.")).toBe(true);
    expect(citesOtherSubject(plan, "Ban Thường vụ ban hành Kế hoạch số 118-KH/TU ngày 05/9/2024 về kiện toàn tổ chức đảng sau hợp nhất các xã.")).toBe(false);
    // (A question that names no subject, or a unit that cites none, is not judged so.)
    expect(citesOtherSubject(understandQuestion("Kế hoạch của Ban Thường vụ là kế hoạch số mấy?"), "Kế hoạch số 87-KH/TU về xây dựng tổ chức đảng.")).toBe(false);
    const r = askAmong(["Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 87-KH/TU ngày 17/11/2009 về “xây dựng tổ chức đảng trong các doanh nghiệp tư nhân” nhằm kiện toàn tổ chức đảng ở các xã sau hợp nhất."], q, "Báo cáo");
    expect(r.abstained).toBe(true);
  });

  it("answers an English question naming a body with capitals only from a passage that names that body", () => {
    const q = "How many party members does the provincial Business Bloc party organisation have?";
    const other = ["Toàn tỉnh có 59 tổ chức cơ sở đảng trong các doanh nghiệp ngoài khu vực nhà nước với 975 đảng viên."];
    expect(askAmong(other, q, "Báo cáo tổng kết").reason).toMatch(/does not speak of "khoi doanh nghiep"/u);
    const own = ["Đảng bộ Khối Doanh nghiệp tỉnh có 59 tổ chức cơ sở đảng với 4.975 đảng viên."];
    expect(askAmong(own, q, "Báo cáo tổng kết").best?.text).toContain("4.975");
    // (The words the name opens with will do: "Party Committee Office" is the "Văn phòng Huyện ủy".)
    const office = ["Văn phòng Huyện ủy tổng hợp báo cáo tự đánh giá của các đồng chí Huyện ủy viên trước ngày 15/12 hằng năm."];
    expect(askAmong(office, "By when each year must a district Party Committee member send the self-assessment report to the Party Committee Office?", "Quy chế").abstained).toBe(false);
  });

  it("finds an English number however the passage writes it, and keeps the side of a threshold the question gives", () => {
    const fewer = understandQuestion("If a cell has fewer than nine full party members, does it still elect a cell committee?");
    const rule = "Chi bộ có dưới 09 đảng viên chính thức chỉ bầu bí thư chi bộ, trường hợp cần thiết bầu phó bí thư.";
    const s = new TermStats();
    s.add(rule);
    const nine = fewer.terms.find((t) => t.fold === "chin");
    expect(nine).toBeDefined();
    expect(termIn(nine as (typeof fewer.terms)[number], termSets(rule))).toBe(true);
    expect(boundsOtherSide(fewer, "chi bộ có từ 09 đến dưới 30 đảng viên chính thức bầu 03 chi ủy viên")).toBe(true);
    expect(boundsOtherSide(fewer, rule)).toBe(false);
    expect(boundsOtherSide(understandQuestion("Chi bộ có dưới 9 đảng viên chính thức thì bầu chi ủy không?"), "Chi bộ có từ 9 đảng viên chính thức trở lên bầu chi ủy.")).toBe(true);
    expect(boundsOtherSide(understandQuestion("Chi bộ có từ 9 đảng viên chính thức thì bầu mấy chi ủy viên?"), "chi bộ có từ 09 đến dưới 30 đảng viên chính thức bầu 03 chi ủy viên")).toBe(false);
  });

  it("takes a count the question gives as stated by a rule's range that holds it", () => {
    const rule = "a) Số lượng chi ủy viên: Chi bộ có dưới 09 đảng viên chính thức chỉ bầu bí thư chi bộ; chi bộ có từ 09 đến dưới 30 đảng viên chính thức bầu 03 chi ủy viên; chi bộ có từ 30 đảng viên chính thức trở lên bầu không quá 05 chi ủy viên.";
    const other = "Điều 12. Người trúng cử phải được số phiếu bầu quá một nửa so với tổng số đảng viên chính thức được triệu tập.";
    const r = askAmong([other, rule], "Chi bộ mình có 12 đảng viên chính thức thì bầu mấy chi ủy viên?", "Chỉ thị số 18-CT/TU");
    expect(r.best?.text).toContain("03 chi ủy viên");
    expect(inStatedRange("12", termSets(rule))).toBe(true);
    expect(inStatedRange("45", termSets("chi bộ có từ 09 đến dưới 30 đảng viên chính thức bầu 03 chi ủy viên"))).toBe(false);
    expect(inStatedRange("45", termSets("chi bộ có từ 30 đảng viên chính thức trở lên bầu không quá 05 chi ủy viên"))).toBe(true);
  });

  it("reads the last day of December as the end of the year, and the old name of the class on the Party as the new", () => {
    expect(askAmong(["Đến ngày 31/12/2024, Đảng bộ huyện có 38 tổ chức cơ sở đảng."], "Tính đến cuối năm 2024 Đảng bộ huyện có tất cả bao nhiêu tổ chức cơ sở đảng?", "Kết luận số 27-KL/HU").best?.text).toContain("38 tổ chức");
    expect(termSets("Đến ngày 31/12/2024, Đảng bộ huyện có 38 tổ chức cơ sở đảng.").bigrams.has("cuoi_nam")).toBe(true);
    expect(termSets("Đến ngày 30/6/2024, Đảng bộ huyện có 38 tổ chức cơ sở đảng.").bigrams.has("cuoi_nam")).toBe(false);
    const learned = understandQuestion("Xã còn bao nhiêu người đã học lớp cảm tình Đảng?").terms.find((t) => t.fold === "cam");
    expect(learned?.alternatives.map((a) => a.map((k) => k.fold).join(" "))).toContain("nhan thuc ve dang");
  });

  it("takes a name in quotation marks as the name asked, and an abbreviated body as the body it stands for", () => {
    const named = understandQuestion("mo hinh dan van kheo cua thon trung luong ten la gi");
    expect(answersKind(named, 'Mô hình dân vận khéo "Thôn sạch, đường hoa" ở thôn Trung Lương được Huyện ủy biểu dương.')).toBe(true);
    expect(answersKind(named, "Mô hình dân vận khéo ở thôn Trung Lương được Huyện ủy biểu dương.")).toBe(false);
    const elected = ["Ngày 10/5/2024, Hội đồng nhân dân xã đã bầu đồng chí Phạm Thị Hạnh giữ chức Chủ tịch Ủy ban nhân dân xã nhiệm kỳ 2021 - 2026."];
    const chair = askAmong(elected, "Chủ tịch UBND xã Đồng Sa hiện giờ là ai, HĐND bầu hôm nào?", "Báo cáo sơ kết của Đảng ủy xã Đồng Sa");
    expect(chair.abstained ? chair.reason : chair.best?.text).toContain("Phạm Thị Hạnh");
  });

  it("answers a birth date only with a sentence that states one", () => {
    const row = ["Chi bộ: Chi bộ thôn Nà Pục; Thời gian đại hội: 08/10/2024; Đồng chí Ủy viên Ban Thường vụ Tỉnh ủy dự, chỉ đạo: Đồng chí Phùng Đức Lâm, Phó Bí thư Thường trực Tỉnh ủy."];
    const q = "Đồng chí Phùng Đức Lâm, Phó Bí thư Thường trực Tỉnh ủy, sinh năm bao nhiêu?";
    expect(askAmong(row, q, "Chỉ thị số 18-CT/TU").reason).toBe("the answer states no birth date");
    const born = ["Đồng chí Phùng Đức Lâm, Phó Bí thư Thường trực Tỉnh ủy, sinh năm 1971, quê quán xã Khuổi Mơ."];
    expect(askAmong(born, q, "Tóm tắt lý lịch").best?.text).toContain("1971");
  });

  it("answers 'chậm nhất là khi nào' with a deadline set relative to something", () => {
    const deadline = understandQuestion("Đảng viên dự bị phải học xong lớp bồi dưỡng chậm nhất là khi nào?");
    expect(answersKind(deadline, "Đảng viên dự bị phải hoàn thành lớp bồi dưỡng, chậm nhất trong 09 tháng đầu.")).toBe(true);
    expect(answersKind(deadline, "Đảng viên dự bị phải hoàn thành lớp bồi dưỡng lý luận chính trị.")).toBe(false);
    expect(answersKind(understandQuestion("Lớp bồi dưỡng khai giảng ngày nào?"), "Lớp bồi dưỡng khai giảng chậm nhất trong 09 tháng đầu.")).toBe(false);
  });

  it("does not take the comrades of another committee for the members of the committee asked", () => {
    const sizes = "Ban Chấp hành Đảng bộ huyện khóa XXIII gồm 41 đồng chí; Ban Thường vụ Huyện ủy gồm 13 đồng chí.";
    expect(countsNoun(understandQuestion("Ủy ban Kiểm tra Huyện ủy gồm bao nhiêu ủy viên?"), sizes)).toBe(false);
    expect(countsNoun(understandQuestion("Ban Thường vụ Huyện ủy gồm bao nhiêu ủy viên?"), sizes)).toBe(true);
    expect(countsNoun(understandQuestion("Ủy ban Kiểm tra Huyện ủy gồm bao nhiêu ủy viên?"), "Ủy ban Kiểm tra Huyện ủy gồm 07 đồng chí.")).toBe(true);
  });

  it("takes no figure of a clause that sets a target for how many there are now, however far the target word", () => {
    const now = understandQuestion("Ở xã Đồng Sa hiện có bao nhiêu thôn mà bí thư chi bộ kiêm luôn trưởng thôn?");
    expect(countsNoun(now, "phấn đấu đến cuối năm tỷ lệ bí thư chi bộ đồng thời là trưởng thôn đạt 7/11 thôn.")).toBe(false);
    expect(countsNoun(now, "tỷ lệ bí thư chi bộ đồng thời là trưởng thôn mới đạt 5/11 thôn")).toBe(true);
    expect(countsNoun(now, "Phấn đấu đạt 7/11 thôn, đến nay đã đạt 5/11 thôn.")).toBe(true);
    // (A target asked is answered by it.)
    expect(countsNoun(understandQuestion("Xã phấn đấu đến cuối năm có bao nhiêu thôn mà bí thư chi bộ là trưởng thôn?"), "phấn đấu đến cuối năm tỷ lệ bí thư chi bộ đồng thời là trưởng thôn đạt 7/11 thôn.")).toBe(true);
  });

  it("does not take the members of one cell for the members of the đảng bộ asked", () => {
    const whole = understandQuestion("Đảng bộ xã Hưng Lâm hiện có tổng cộng bao nhiêu đảng viên?");
    expect(countsNoun(whole, "Thành lập Chi bộ Trường Mầm non Hưng Lâm trực thuộc Đảng bộ xã Hưng Lâm, gồm 09 đảng viên.")).toBe(false);
    expect(countsNoun(whole, "Đảng bộ xã Hưng Lâm có 21 chi bộ trực thuộc với 1.247 đảng viên.")).toBe(true);
    expect(countsNoun(whole, "Toàn xã hiện có 1.247 đảng viên.")).toBe(true);
    // (Nor of the place asked: a huyện's members are its Đảng bộ's.)
    const place = understandQuestion("huyen vinh khe co tong cong bao nhieu dang vien");
    expect(countsNoun(place, "b) Nâng Chi bộ Công ty Gạch ngói Vĩnh Khê (chi bộ cơ sở, 34 đảng viên) thành Đảng bộ cơ sở.")).toBe(false);
    expect(countsNoun(place, "Toàn huyện Vĩnh Khê có 4.312 đảng viên.")).toBe(true);
    // (A cell asked is counted by its own clause, whatever đảng bộ it belongs to.)
    expect(countsNoun(understandQuestion("Chi bộ Trường Mầm non có bao nhiêu đảng viên?"), "Thành lập Chi bộ Trường Mầm non trực thuộc Đảng bộ xã Hưng Lâm, gồm 09 đảng viên.")).toBe(true);
  });

  it("does not take a count of one kind ('19 đảng viên là nông dân') for all of them", () => {
    const all = understandQuestion("Chi bộ có bao nhiêu đảng viên?");
    expect(countsNoun(all, "Hiện Chi bộ có 19 đảng viên là nông dân.")).toBe(false);
    expect(countsNoun(all, "Chi bộ có 31 đảng viên.")).toBe(true);
    // (So is a count of comrades labelled by a kind: "đảng viên nữ 81 đồng chí".)
    expect(countsNoun(all, "Kết quả: đảng viên nữ 81 đồng chí.")).toBe(false);
    expect(countsNoun(understandQuestion("Chi bộ có bao nhiêu đảng viên nữ?"), "Kết quả: đảng viên nữ 81 đồng chí.")).toBe(true);
    // (People of a kind are counted as people: "khách mời … không quá 15 người".)
    expect(countsNoun(understandQuestion("Chi bộ được mời bao nhiêu khách mời dự phiên khai mạc?"), "Chi bộ thôn mời khách mời dự phiên khai mạc không quá 15 người.")).toBe(true);
    expect(countsNoun(understandQuestion("Chi bộ được mời bao nhiêu khách mời dự phiên khai mạc?"), "Phiên khai mạc có 15 tiết mục văn nghệ.")).toBe(false);
    expect(countsNoun(understandQuestion("Chi bộ có bao nhiêu đảng viên là nông dân?"), "Hiện Chi bộ có 19 đảng viên là nông dân.")).toBe(true);
    // (A threshold is read with its marks: "đủ 3" is one, "dự 126 cuộc họp" — attended — is not.)
    const meetings = understandQuestion("How many meetings did the commission's members attend?");
    expect(countsNoun(meetings, "Các đồng chí Ủy viên đã dự 126 cuộc họp của cấp ủy cấp dưới.")).toBe(true);
    expect(countsNoun(meetings, "Hội nghị chỉ hợp lệ khi có đủ 3 cuộc họp trước đó.")).toBe(false);
  });

  it("shows a unit a few words over the length limit whole rather than cut its last words", () => {
    const plan = understandQuestion("Trong bao nhiêu ngày làm việc phải giải quyết dứt điểm?");
    const unit = `${"Quá 30 ngày làm việc mà cấp ủy cấp trên chưa ra quyết định kết nạp hoặc công nhận đảng viên chính thức thì đảng ủy cơ sở báo cáo Ban Tổ chức Tỉnh ủy; Ban Tổ chức Tỉnh ủy có văn bản đôn đốc, "}${"x".repeat(20)} yêu cầu giải quyết dứt điểm trong 10 ngày làm việc.`;
    expect(unit.length).toBeGreaterThan(250);
    expect(unit.length).toBeLessThanOrEqual(270);
    expect(trimAnswer(unit, plan)).toBe(unit);
    expect(trimAnswer(`${unit} ${"Nội dung khác rất dài. ".repeat(4)}`, plan).length).toBeLessThanOrEqual(250);
  });

  it("does not give a target for what was done ('kết nạp được bao nhiêu'), and reads 'nửa đầu năm' as the first six months", () => {
    const done = understandQuestion("Nửa đầu năm 2026 huyện kết nạp được bao nhiêu đảng viên mới?");
    expect(countsNoun(done, "Tiếp tục tạo nguồn, phấn đấu kết nạp ít nhất 102 đảng viên để hoàn thành chỉ tiêu năm 2026.")).toBe(false);
    expect(countsNoun(done, "Toàn Đảng bộ kết nạp 148 đảng viên, đạt 59,2% chỉ tiêu năm.")).toBe(true);
    expect(countsNoun(understandQuestion("Năm 2026 huyện phấn đấu kết nạp bao nhiêu đảng viên?"), "Phấn đấu kết nạp 102 đảng viên.")).toBe(true);
    expect(understandQuestion("Nửa đầu năm 2026 huyện kết nạp bao nhiêu đảng viên?").terms.find((t) => t.fold === "nua")?.alternatives?.length ?? 0).toBeGreaterThan(0);
  });

  it("takes a share said in words ('quá một nửa', 'hai phần ba') for a share asked", () => {
    const share = understandQuestion("What vote share does a candidate need to be elected branch secretary?");
    expect(answersKind(share, "Người trúng cử phải được số phiếu bầu quá một nửa so với tổng số đại biểu.")).toBe(true);
    expect(answersKind(share, "Bầu cử bằng phiếu kín.")).toBe(false);
  });

  it("takes a bracket giving another year's figure ('(năm 2025 là 09)') for a comparison, not the year spoken of", () => {
    const text = "b) Theo quý: quý I kết nạp 05 đảng viên (cùng kỳ năm 2025 là 04); quý II kết nạp 09 đảng viên (năm 2025 là 07); quý IV kết nạp 12 đảng viên (năm 2025 là 09). Số kết nạp trong quý IV chiếm 37,5% cả năm.";
    const title = "Báo cáo số 112-BC/ĐU của Đảng ủy phường Tân Liễu: Kết quả công tác phát triển đảng viên năm 2026";
    const result = askAmong([text], "Quý IV năm 2026 phường Tân Liễu kết nạp được mấy đảng viên?", title, ["Chi bộ họp mỗi tháng một lần.", "Đảng ủy phường có 14 chi bộ."], "II. KẾT QUẢ THỰC HIỆN. 3. Kết quả kết nạp đảng viên");
    expect(result.best?.text, result.reason ?? "").toContain("12 đảng viên");
    expect(result.abstained).toBe(false);
  });

  it("keeps 'thay thế' (replace) whole as a key term, 'như thế' being the function phrase", () => {
    expect(understandQuestion("Quy chế mới thay thế cho văn bản nào?").terms.map((t) => t.fold)).toContain("the");
    expect(understandQuestion("Chi bộ họp như thế nào?").terms.map((t) => t.fold)).not.toContain("the");
  });

  it("reads 'tinh uy' typed bare as naming the provincial level, and a start-of-term count not by what remains", () => {
    expect(understandQuestion("tien thuong kem bang khen cua ban thuong vu tinh uy la bao nhieu").levels).toContain("tinh");
    expect(understandQuestion("cach tinh diem nhu the nao").levels).not.toContain("tinh");
    const start = understandQuestion("Đầu nhiệm kỳ, thôn có bao nhiêu hộ cận nghèo?");
    expect(countsNoun(start, "Hộ nghèo giảm từ 21 hộ đầu nhiệm kỳ xuống còn 06 hộ; hộ cận nghèo còn 11 hộ.")).toBe(false);
    expect(countsNoun(start, "Đầu nhiệm kỳ có 19 hộ cận nghèo, nay còn 11 hộ.")).toBe(true);
  });

  it("does not answer an English question about a district from a passage that names neither a huyện nor a quận", () => {
    const passages = ["Đồng chí Lê Văn Hòa, Bí thư Đoàn Thanh niên, đại diện Đoàn Thanh niên tham gia Ban Chỉ đạo."];
    const result = askAmong(passages, "Who represents the district Youth Union on the steering committee?", "Quyết định thành lập Ban Chỉ đạo");
    expect(result.abstained).toBe(true);
    expect(result.reason).toMatch(/level/u);
    const named = askAmong(["Đồng chí Lê Văn Hòa, Bí thư Huyện đoàn, đại diện Đoàn Thanh niên huyện tham gia Ban Chỉ đạo."], "Who represents the district Youth Union on the steering committee?", "Quyết định thành lập Ban Chỉ đạo");
    expect(named.reason ?? "").not.toMatch(/level/u);
    // ("town" likewise: a thị xã or a thị trấn, or the town's committee.)
    const town = askAmong(["Đồng chí Lê Văn Hòa, Bí thư Đoàn Thanh niên, đại diện Đoàn Thanh niên tham gia Ban Chỉ đạo."], "Who represents the town Youth Union on the steering committee?", "Quyết định thành lập Ban Chỉ đạo");
    expect(town.reason ?? "").toMatch(/level/u);
  });

  it("does not answer an English question about the province from a passage that names no province", () => {
    const passages = ["Từ quý I năm 2027, ban thường vụ bắt đầu sử dụng hệ thống phòng họp không giấy."];
    const result = askAmong(passages, "When will the paperless meeting system be used by the provincial standing committee?", "Nghị quyết về chuyển đổi số", ["Chi bộ họp mỗi tháng một lần."]);
    expect(result.abstained).toBe(true);
    expect(result.reason).toMatch(/level/u);
  });

  it("reads 'tháng mấy', 'ngày bao nhiêu' as asking which month or day, 'mấy tháng', 'bao nhiêu ngày' as how long", () => {
    expect(understandQuestion("Hội thi tổ chức vào tháng mấy hằng năm?").kind).toBe("date");
    expect(understandQuestion("Hạn chót gửi báo cáo là ngày bao nhiêu?").kind).toBe("date");
    expect(understandQuestion("Trong bao nhiêu ngày phải gửi báo cáo?").kind).not.toBe("date");
  });

  it("reads 'mỗi tháng bao nhiêu', 'hằng năm bao nhiêu' as asking an amount per period, not which month or year", () => {
    expect(understandQuestion("Đảng viên là sinh viên đóng đảng phí mỗi tháng bao nhiêu?").kind).toBe("count");
    expect(understandQuestion("Quỹ khuyến học được cấp hằng năm bao nhiêu?").kind).toBe("count");
    expect(understandQuestion("Chi bộ họp vào ngày bao nhiêu hằng tháng?").kind).toBe("date");
  });

  it("prefers, for 'ngày nào', the date of what the question asks the time of", () => {
    const passages = ["Quyết định kỷ luật đồng chí Khôi: Ủy ban nhân dân xã khắc phục xong sai phạm trước ngày 30/6/2025.", "Quyết định kỷ luật có hiệu lực kể từ ngày 02/6/2025."];
    const result = askAmong(passages, "Quyết định kỷ luật đồng chí Khôi có hiệu lực từ ngày nào?", "Quyết định kỷ luật");
    expect(result.best?.text).toContain("02/6/2025");
  });

  it("does not answer 'tổng cộng bao nhiêu' with the listed parts, but with a total beside a change or a rate", () => {
    const parts = "Hiện Chi bộ có 19 đảng viên là nông dân, 07 đảng viên hưởng lương hưu và 01 đảng viên là sinh viên.";
    const asked = "Chi bộ thôn Nặm Dầu có tổng cộng bao nhiêu đảng viên?";
    expect(askAmong([parts], asked, "Biên bản họp Chi bộ thôn Nặm Dầu").abstained).toBe(true);
    expect(askAmong([parts, "Tổng số đảng viên của Chi bộ: 27 đồng chí."], asked, "Biên bản họp Chi bộ thôn Nặm Dầu").best?.text).toContain("27 đồng chí");
    const total = "Hiện Đảng bộ huyện có 5.412 đảng viên, tăng 1.026 đảng viên so với đầu năm 2021.";
    expect(askAmong([total], "Đảng bộ huyện Yên Lũng hiện có tổng cộng bao nhiêu đảng viên?", "Huyện Yên Lũng tổng kết Chỉ thị 41").best?.text).toContain("5.412");
  });

  it("does not take a rule on every holder of an office ('Mỗi đồng chí Ủy viên …') for the person asked", () => {
    const rule = "Mỗi đồng chí Ủy viên Ban Thường vụ Huyện ủy được phân công theo dõi ít nhất 01 đảng bộ xã, thị trấn.";
    const asked = "Which member of the district standing committee follows the township party organisation?";
    expect(askAmong([rule], asked, "Quy chế làm việc của Huyện ủy Hoài Xuyên").abstained).toBe(true);
    const named = "Đồng chí Vương Đình Lộc, Ủy viên Ban Thường vụ Huyện ủy, theo dõi Đảng bộ thị trấn Hoài Xuyên.";
    expect(askAmong([rule, named], asked, "Quy chế làm việc của Huyện ủy Hoài Xuyên").best?.text).toContain("Vương Đình Lộc");
  });

  it("does not give a deadline to finish by as the day a work opens", () => {
    const opening = understandQuestion("Tuyến đường ngõ xóm số 3 của thôn sẽ khởi công vào ngày nào?");
    expect(givesOnlyDeadline(opening, "Trưởng thôn tổ chức hội nghị thông qua phương án làm đường ngõ xóm số 3, hoàn thành trước ngày 15/3/2026.")).toBe(true);
    expect(givesOnlyDeadline(opening, "Tuyến đường ngõ xóm số 3 khởi công ngày 20/3/2026, hoàn thành trước ngày 30/6/2026.")).toBe(false);
  });

  it("answers who was elected or appointed with a person, not with the office asked", () => {
    const asked = understandQuestion("Ai được bầu làm Tổng Bí thư tại Đại hội lần thứ XI?");
    expect(answersKind(asked, "Đồng chí Tổng Bí thư giữ chức vụ Tổng Bí thư không quá hai nhiệm kỳ liên tiếp.")).toBe(false);
    expect(answersKind(asked, "Đại hội lần thứ XI bầu đồng chí Nguyễn Văn Khải làm Tổng Bí thư.")).toBe(true);
    // (A body may be who is assigned a task: "Ai được giao chủ trì …" is answered by "Sở Nội vụ".)
    expect(answersKind(understandQuestion("Ai được giao chủ trì tổng hợp kết quả?"), "Sở Nội vụ chủ trì tổng hợp kết quả.")).toBe(true);
  });

  it("reads a count that does not say 'tổng số' as the total asked", () => {
    const passages = ["Đến ngày 15/6/2026, Đảng bộ huyện có 41 tổ chức cơ sở đảng (24 đảng bộ cơ sở, 17 chi bộ cơ sở) với 386 chi bộ trực thuộc và 6.912 đảng viên."];
    for (const q of ["Tổng số đảng viên của Đảng bộ huyện Tràng Sơn là bao nhiêu?", "How many party members does the Tràng Sơn district party organisation have in total?"]) {
      const result = askAmong(passages, q, "Báo cáo sơ kết 6 tháng đầu năm 2026 của Huyện ủy Tràng Sơn");
      expect(result.abstained, `${q}: ${result.reason ?? ""}`).toBe(false);
      expect(result.best?.text).toContain("6.912 đảng viên");
    }
  });

  it("does not read '01 đồng chí' as an amount of money", () => {
    const passages = ["Đảng ủy phân công 01 đồng chí cấp ủy viên theo dõi đảng viên đi lao động ở nước ngoài đóng đảng phí hằng tháng."];
    const result = askAmong(passages, "Đảng viên đi lao động ở nước ngoài đóng đảng phí bao nhiêu tiền?", "Hướng dẫn quản lý đảng viên");
    expect(result.abstained).toBe(true);
  });

  it("reads 'how quickly' as asking a time, and 'who serves as X' as about X", () => {
    expect(understandQuestion("How quickly must changes in a member's record be entered after a decision?").kind).toBe("duration");
    const head = understandQuestion("Who serves as standing deputy head of the steering committee?").headPhrase?.[0]?.join(" ");
    expect(head).not.toMatch(/^giu/u);
  });

  it("does not give a change ('giảm 45 xã') nor a count dated to a period's start for how many there are now", () => {
    const left = understandQuestion("Tỉnh sau sắp xếp còn lại bao nhiêu xã, phường, thị trấn?");
    expect(countsNoun(left, "Tỉnh giảm 45 xã, phường, thị trấn.")).toBe(false);
    expect(countsNoun(left, "Toàn tỉnh còn 141 xã, phường, thị trấn.")).toBe(true);
    expect(countsNoun(understandQuestion("Tỉnh giảm bao nhiêu xã?"), "Tỉnh giảm 45 xã, phường, thị trấn.")).toBe(true);
    const now = understandQuestion("Hiện nay huyện còn bao nhiêu thôn chưa có chi bộ riêng?");
    expect(countedAtStart(now, "Thời điểm đầu năm 2021, toàn huyện có 112 thôn, trong đó 17 thôn chưa có đảng viên; ")).toBe(true);
    expect(countedAtStart(now, "Đến hết tháng 4/2026, ")).toBe(false);
    // ("Lãnh đạo cấp tỉnh nào" asks for a person.)
    expect(understandQuestion("Lãnh đạo cấp tỉnh nào về dự hội nghị?").kind).toBe("who");
  });

  it("answers which form of discipline only with one, and a committee's decision speaks of its acts whoever its text names", () => {
    const form = understandQuestion("Đồng chí Lường Văn Pín đã bị kỷ luật bằng hình thức gì?");
    expect(namesNoDisciplineForm(form, "Đảng ủy xã chỉ đạo kiểm điểm, xem xét xử lý kỷ luật đối với đồng chí Lường Văn Pín.")).toBe(true);
    expect(namesNoDisciplineForm(form, "Thi hành kỷ luật đồng chí Lường Văn Pín bằng hình thức CẢNH CÁO.")).toBe(false);
    expect(namesNoDisciplineForm(understandQuestion("What form must the personal CV follow?"), "Sơ yếu lý lịch theo mẫu 2C.")).toBe(false);
    const decision = ["Thi hành kỷ luật đồng chí Trương Văn Khởi, Phó Chủ tịch Ủy ban nhân dân xã Pắc Ngàn, bằng hình thức CẢNH CÁO."];
    const result = askAmong(decision, "Ủy ban Kiểm tra Huyện ủy Kỳ Liên thi hành kỷ luật đồng chí Phó Chủ tịch xã Pắc Ngàn bằng hình thức nào?", "Quyết định số 46-QĐ/UBKTHU của Ủy ban Kiểm tra Huyện ủy Kỳ Liên", ["Ủy ban nhân dân xã Pắc Ngàn thu tiền sai quy định."]);
    expect(result.abstained, result.reason ?? "").toBe(false);
  });

  it("does not answer of private enterprises from what is said of state ones, nor of one kind of party cell from another's rule", () => {
    const privateAsked = understandQuestion("Chi bộ trong doanh nghiệp ngoài khu vực nhà nước sinh hoạt mấy lần một tháng?");
    expect(otherSector(privateAsked, "Chi bộ doanh nghiệp nhà nước sinh hoạt mỗi tháng một lần.")).toBe("nha nuoc");
    expect(otherSector(privateAsked, "Chi bộ trong các DNNKVNN sinh hoạt mỗi tháng một lần.")).toBeNull();
    expect(otherSector(understandQuestion("Doanh nghiệp nhà nước có bao nhiêu chi bộ?"), "Toàn tỉnh có 59 chi bộ trong doanh nghiệp ngoài khu vực nhà nước.")).toBe("ngoai nha nuoc");
    const age = understandQuestion("Chi ủy viên chi bộ trong doanh nghiệp tham gia lần đầu tối đa bao nhiêu tuổi?");
    expect(otherCellKind(age, "Về tuổi: chi ủy viên chi bộ thôn, bản, tổ dân phố tham gia lần đầu không quá 55 tuổi.")).toBe("thon");
    expect(otherCellKind(age, "Chi ủy viên chi bộ thôn không quá 55 tuổi; chi bộ doanh nghiệp không quá 50 tuổi.")).toBeNull();
    // A base-level cell is another kind than a cell under a base committee.
    const support = understandQuestion("Mỗi chi bộ trực thuộc đảng ủy cơ sở được hỗ trợ bao nhiêu tiền để tổ chức đại hội?");
    expect(otherCellKind(support, "Hỗ trợ mỗi đảng bộ cơ sở 30.000.000 đồng và mỗi chi bộ cơ sở 12.000.000 đồng.")).toBe("co so");
    expect(otherCellKind(support, "Hỗ trợ mỗi chi bộ trực thuộc đảng ủy cơ sở 5.000.000 đồng.")).toBeNull();
  });

  it("answers from the listed item whose label is what the question asks about, not an item that mentions it", () => {
    const passages = [
      "Mỗi huyện ủy chọn ít nhất 01 chi bộ trực thuộc đảng ủy cơ sở và 01 chi bộ cơ sở để chỉ đạo đại hội điểm, hoàn thành trước ngày 31/3/2027.",
      "c) Chi bộ trực thuộc đảng ủy cơ sở: bắt đầu từ ngày 01/4/2027, hoàn thành trước ngày 31/5/2027.",
    ];
    expect(askAmong(passages, "Các chi bộ trực thuộc đảng ủy cơ sở phải xong đại hội trước ngày nào?", "Chỉ thị về đại hội chi bộ").best?.text).toContain("31/5/2027");
    // (A phase's label, "Trước đại hội:", names no subject.)
    expect(labelsSubject(understandQuestion("Trước đại hội bao nhiêu ngày phải gửi báo cáo?"), "a) Trước đại hội: chậm nhất 15 ngày làm việc.")).toBe(false);
  });

  it("takes a rule's bound (\"Chi bộ có dưới 100 đảng viên\") for no count of the members there are", () => {
    expect(countsNoun(understandQuestion("Hiện nay toàn Đảng bộ tỉnh có tổng cộng bao nhiêu đảng viên?"), "a) Chi bộ có dưới 100 đảng viên tổ chức đại hội toàn thể.")).toBe(false);
  });

  it("answers which document another replaces by the one it names, whose own year is no year the passage speaks of", () => {
    const passages = ["Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 21-QĐi/TU ngày 05/9/2021 của Ban Thường vụ Tỉnh ủy khóa XVII về phân cấp quản lý cán bộ."];
    const others = ["Ban Tổ chức Tỉnh ủy chủ trì sơ kết việc thực hiện Quy định sau 03 năm.", "Cán bộ được bổ nhiệm lần đầu không quá 45 tuổi."];
    const result = askAmong(passages, "Quy định phân cấp quản lý cán bộ năm 2026 của tỉnh thay thế cho văn bản nào trước đó?", "Quy định số 09-QĐi/TU ngày 16/03/2026 của Tỉnh ủy Quế Lâm: Về phân cấp quản lý cán bộ", others);
    expect(result.abstained, result.reason ?? "").toBe(false);
    expect(result.best?.text).toContain("21-QĐi/TU");
  });

  it("does not name a deputy for the holder of the office asked", () => {
    const passages = ["Chủ trì buổi làm việc có đồng chí Phan Thanh Tùng, Phó Bí thư Thường trực Đảng ủy phường Hòa Bình Đông."];
    for (const q of ["Ai là Bí thư Đảng ủy phường Hòa Bình Đông?", "Who is the Party Secretary of Hòa Bình Đông ward?"]) {
      const result = askAmong(passages, q, "Thông báo kết luận của Thường trực Đảng ủy phường Hòa Bình Đông");
      expect(result.abstained, q).toBe(true);
    }
    // Nor by the same title of another body.
    const youth = ["Tham dự buổi làm việc có đồng chí Đặng Thị Mỹ Linh, Bí thư Chi đoàn khu phố 7 của phường Hòa Bình Đông."];
    const others = ["Đảng ủy phường Hòa Bình Đông có 12 chi bộ trực thuộc.", "Chi bộ khu phố 7 có 64 đảng viên."];
    expect(askAmong(youth, "Who is the Party Secretary of Hòa Bình Đông ward?", "Thông báo kết luận của Đảng ủy phường Hòa Bình Đông", others).reason).toMatch(/of another body/u);
    expect(askAmong(youth, "Ai là Bí thư Chi đoàn khu phố 7 phường Hòa Bình Đông?", "Thông báo kết luận của Đảng ủy phường Hòa Bình Đông", others).best?.text).toContain("Đặng Thị Mỹ Linh");
    // Asked for the deputy, the deputy answers.
    expect(askAmong(passages, "Ai là Phó Bí thư Thường trực Đảng ủy phường Hòa Bình Đông?", "Thông báo kết luận").best?.text).toContain("Phan Thanh Tùng");
  });

  it("takes the noun naming the kind of answer before 'nào' / 'gì' as stated by an instance of it", () => {
    const passages = ["Chi bộ biểu quyết bằng phiếu kín; đảng viên được xếp loại khi có trên 50% số đảng viên chính thức tán thành."];
    const others = ["Đảng viên được xếp loại vào tháng 12.", "Chi bộ họp mỗi tháng một lần.", "Đảng ủy xã có 41 chi bộ trực thuộc."];
    const result = askAmong(passages, "Chi bộ biểu quyết đề xuất mức xếp loại đảng viên bằng hình thức nào?", "Hướng dẫn kiểm điểm, đánh giá, xếp loại", others);
    expect(result.abstained, result.reason ?? "").toBe(false);
    expect(result.best?.text).toContain("phiếu kín");
  });

  it("never takes a header's title line for a place", () => {
    const header = "Kết luận số 07-KL/VPTW ngày 01/12/2025: Kết luận của đồng chí Chánh Văn phòng tại Hội nghị toàn quốc công tác văn phòng năm 2025\nNgười ký: Lê Khánh Toàn";
    const s = new TermStats();
    s.add(header);
    s.add("Các văn phòng tỉnh ủy thực hiện tốt công tác tham mưu.");
    const r = extractAnswer(understandQuestion("Chánh Văn phòng kết luận Hội nghị toàn quốc công tác văn phòng năm 2025 ở đâu?"), [{ id: "h", text: header, context: "Thông tin văn bản", title: "Kết luận số 07-KL/VPTW", rank: 0, isHeader: true }], s);
    expect(r.abstained).toBe(true);
  });

  it("reads \"What is the deadline for …\" as asking a date, and a deadline only mentioned as not", () => {
    expect(understandQuestion("What is the deadline for sending the dossiers?").kind).toBe("date");
    expect(understandQuestion("What happens if a ministry misses the deadline?").kind).not.toBe("date");
  });

  it("takes a year the answer names only as the period compared with for no answer about that year", () => {
    const passages = ["Tổng thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm 2026 đạt 18.589 triệu đồng, bằng 84,7% so với cùng kỳ năm 2025."];
    const title = "Thông báo kết luận về nhiệm vụ 6 tháng cuối năm 2026";
    expect(askAmong(passages, "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2025 là bao nhiêu triệu đồng?", title).reason).toMatch(/2025 only as the period compared with|speaks of 2026, not 2025/u);
    expect(askAmong(passages, "Tổng thu ngân sách nhà nước 6 tháng đầu năm 2026 là bao nhiêu triệu đồng?", title).abstained).toBe(false);
    // Asked as a comparison, the year compared with is the one asked.
    expect(askAmong(passages, "Tổng thu ngân sách 6 tháng đầu năm 2026 bằng bao nhiêu phần trăm so với cùng kỳ năm 2025?", title).abstained).toBe(false);
  });

  it("finds what an English question measures in a passage that gives the figure without the measure word", () => {
    // "phone number" → "số điện thoại": "Điện thoại: 0209…" gives it; "forest cover rate" → "độ che phủ rừng".
    expect(speaksOf([["so", "dien", "thoai"]], termSets("Ủy ban Kiểm tra Huyện ủy, điện thoại 0209.3872.115"))).toBe(true);
    expect(speaksOf([["do", "che", "phu", "rung"]], termSets("Tỷ lệ che phủ rừng duy trì ổn định ở mức 58%."))).toBe(true);
    // (What is measured must be there: a measure word with one syllable after it is the whole phrase.)
    expect(speaksOf([["so", "dien", "thoai"]], termSets("Số lượng đảng viên mới tăng 12%."))).toBe(false);
    expect(speaksOf([["so", "phieu"]], termSets("Được 38 phiếu tán thành."))).toBe(false);
  });

  it("takes a year the passage names only as the one compared with, beside a section of another year, for no year of the fact", () => {
    // A report of 2025 whose sibling line compares with 2024: its 82 % is 2025's, not 2024's.
    const passage = "Báo cáo kiểm điểm năm 2025 nêu rõ:\n- Tổng số lượt khám bảo hiểm y tế đạt 21.450 lượt, tăng 7,2% so với năm 2024.\n- Khám sàng lọc ung thư cổ tử cung chỉ đạt 82% kế hoạch.";
    const title = "Biên bản hội nghị kiểm điểm chi bộ năm 2025";
    expect(askAmong([passage], "Năm 2024 khám sàng lọc ung thư cổ tử cung đạt bao nhiêu phần trăm kế hoạch?", title, [], "Báo cáo kiểm điểm năm 2025").reason).toMatch(/speaks of 2025, not 2024/u);
    expect(askAmong([passage], "Năm 2025 khám sàng lọc ung thư cổ tử cung đạt bao nhiêu phần trăm kế hoạch?", title, [], "Báo cáo kiểm điểm năm 2025").abstained).toBe(false);
    // Asked as a comparison, the year compared with is the one asked.
    expect(askAmong([passage], "Số lượt khám bảo hiểm y tế tăng bao nhiêu phần trăm so với năm 2024?", title, [], "Báo cáo kiểm điểm năm 2025").abstained).toBe(false);
  });

  it("reads a period (\"the first half of 2026\") as no ordinal, and a compound kind with its number as naming the document", () => {
    expect(understandQuestion("Which party cells were inspected in the first half of 2026?").ordinal).toBeNull();
    expect(understandQuestion("What was decided at the first congress?").ordinal).toBeNull();
    expect(understandQuestion("What is the second task?").ordinal).toBe(2);
    // (Any count of months, and a hyphenated period, as well.)
    expect(understandQuestion("What was the total production value in the first eight months of 2024?").ordinal).toBeNull();
    expect(understandQuestion("By what date must fourth-quarter 2026 party dues reach the office?").ordinal).toBeNull();
    // (An occasion: "a first appointment" is no first item.)
    expect(understandQuestion("What is the age limit for a first appointment as deputy head?").ordinal).toBeNull();
    expect(understandQuestion("Ai ký Thông báo kết luận số 146-TB/ĐU?").askedDocument).toEqual({ number: "146", kinds: ["thong bao"] });
  });

  it("reads a period after a document's kind ('Thông báo kết luận 6 tháng đầu năm') as no document number", () => {
    expect(understandQuestion("Thông báo kết luận 6 tháng đầu năm 2026 của Đảng ủy xã Hòa Phước Đông được ban hành ngày nào?").askedDocument).toEqual({ number: null, kinds: ["thong bao"] });
    expect(understandQuestion("Báo cáo 9 tháng năm 2025 do ai ký?").askedDocument.number).toBeNull();
    expect(understandQuestion("Kết luận 07 do ai ký?").askedDocument.number).toBe("7");
  });

  it("names the document an English question asks of by its kind (\"report\", \"submission\"), the first one named, not a regulation it cites by number", () => {
    expect(understandQuestion("Who signed the Dong Lung commune Party Committee's report reviewing five years of implementing Regulation 213-QĐ/TW?").askedDocument).toEqual({ number: null, kinds: ["bao cao"] });
    expect(understandQuestion("On what date was the Organization Board's submission on cadre rotation issued?").askedDocument.kinds).toEqual(["to trinh"]);
    expect(understandQuestion("Who signed the official letter asking districts to report on the handbook?").askedDocument.kinds).toEqual(["cong van"]);
  });

  it("takes a line labelled with the person asked about for no answer when its section never says the election asked (the delegates' vote, asked of the committee's)", () => {
    const title = "Biên bản kiểm phiếu Đại hội Chi bộ thôn Khe Gianh nhiệm kỳ 2030 - 2035";
    const passages: CandidatePassage[] = [
      { id: "bb#28", text: "- Đồng chí Phạm Văn Đông, Bí thư Chi bộ nhiệm kỳ 2025 - 2030: được 38 phiếu, đạt 88,37%.", context: "IV. KẾT QUẢ KIỂM PHIẾU BẦU CHI ỦY NHIỆM KỲ 2030 - 2035. 2. Số phiếu bầu cho từng đồng chí", title, rank: 1 },
      { id: "bb#45", text: "- Đồng chí Phạm Văn Đông: được 39 phiếu, đạt 90,70%.", context: "V. KẾT QUẢ KIỂM PHIẾU BẦU ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ XÃ. 2. Số phiếu bầu cho từng đồng chí", title, rank: 0 },
    ];
    const s = new TermStats();
    for (const p of passages) s.add(`${p.text}\n${p.context}\n${title}`);
    expect(extractAnswer(understandQuestion("Đồng chí Phạm Văn Đông được bao nhiêu phiếu khi bầu chi ủy nhiệm kỳ 2030 - 2035?"), passages, s).best?.text).toContain("38 phiếu");
    expect(extractAnswer(understandQuestion("Đồng chí Phạm Văn Đông được bao nhiêu phiếu khi bầu đại biểu dự Đại hội Đảng bộ xã?"), passages, s).best?.text).toContain("39 phiếu");
  });

  it("takes a count of what a \"… nào\" question asks to name for no answer, unless the names follow", () => {
    const title = "Hướng dẫn thu, nộp đảng phí năm 2026 của Huyện ủy Hòa Khê";
    const counted = ["Tuy vậy, năm 2025 vẫn còn 3 tổ chức cơ sở đảng nộp đảng phí về Huyện ủy chậm quá 30 ngày và 5 chi bộ xác định sai căn cứ tính đảng phí đối với đảng viên là người hoạt động không chuyên trách."];
    const question = "Năm 2025, những tổ chức cơ sở đảng nào nộp đảng phí về Huyện ủy chậm quá 30 ngày?";
    expect(askAmong(counted, question, title).reason).toMatch(/counts the .* asked, naming none/u);
    const named = ["Năm 2025 còn 3 tổ chức cơ sở đảng nộp đảng phí về Huyện ủy chậm quá 30 ngày: Đảng bộ xã Tân Hòa, Chi bộ Trường THCS Lộc Vân và Đảng bộ Công ty Hòa Phát."];
    expect(askAmong(named, question, title).abstained).toBe(false);
    expect(countsWithoutNaming(understandQuestion("Đảng viên nào vắng họp không có lý do?"), "01 đảng viên vắng sinh hoạt không có lý do.")).toBe(true);
    expect(countsWithoutNaming(understandQuestion("Đảng viên nào vắng họp không có lý do?"), "Đảng viên Triệu Văn Khởi vắng sinh hoạt không có lý do.")).toBe(false);
    expect(countsWithoutNaming(understandQuestion("Đảng viên nào bị kỷ luật?"), "Đã kỷ luật 2 đảng viên (Lê Văn An, Trần Thị Bình).")).toBe(false);
    expect(countsWithoutNaming(understandQuestion("Hạn chế nào chưa được khắc phục dứt điểm?"), "Đã khắc phục xong 03 hạn chế; còn 01 hạn chế về giải phóng mặt bằng chưa khắc phục dứt điểm.")).toBe(false);
    expect(countsWithoutNaming(understandQuestion("Năm 2027 xã xây dựng thêm những sản phẩm OCOP nào?"), "b) Xây dựng thêm 02 sản phẩm OCOP đạt 3 sao trở lên là chè búp Khe Mây và mật ong bạc hà Nà Pục;")).toBe(false);
    // (A time asked names no body or person: whether "trong 15 ngày làm việc" answers "trước ngày nào" is the
    // date's check.)
    expect(countsWithoutNaming(understandQuestion("Hồ sơ phải gửi Ban Tổ chức vào ngày nào?"), "Hồ sơ gửi Ban Tổ chức trong 15 ngày làm việc kể từ khi nhận.")).toBe(false);
    // (A date asked follows its noun: "trước ngày 30/9/2027" names the day.)
    expect(countsWithoutNaming(understandQuestion("3 chi bộ 2 năm không kết nạp được ai thì phải kết nạp ít nhất 1 người trước ngày nào?"), "3 chi bộ 2 năm liền không kết nạp được đảng viên phải kết nạp ít nhất 1 người trước ngày 30/9/2027.")).toBe(false);
  });

  it("answers a question asking a phone number or an e-mail address only with one, kept when the answer is cut", () => {
    const title = "Công văn số 1286-CV/VPTU về báo cáo kết quả triển khai ứng dụng Sổ tay đảng viên điện tử";
    const passages = [
      "Báo cáo bằng văn bản (có chữ ký, đóng dấu) gửi về Văn phòng Tỉnh ủy (qua Phòng Cơ yếu - Công nghệ thông tin) trước ngày 08/4/2026, đồng thời gửi bản điện tử (file Word và Excel, kèm các biểu mẫu số liệu theo Phụ lục) qua Hệ thống quản lý văn bản và điều hành của Tỉnh ủy, qua mạng thông tin diện rộng của Đảng và địa chỉ thư điện tử cntt.vptu@langiang.dcs.vn.",
    ];
    const email = askAmong(passages, "Báo cáo bằng văn bản có chữ ký, đóng dấu gửi Văn phòng Tỉnh ủy qua Phòng Cơ yếu - Công nghệ thông tin, bản điện tử gửi theo email nào?", title);
    expect(passages[0]?.length).toBeGreaterThan(300);
    expect(email.best?.text).toContain("cntt.vptu@langiang.dcs.vn");
    expect(HEADER_FIELDS.find((f) => f.label === "Số hiệu")?.asks.test("cong van de nghi bao cao ve so tay dang vien dien tu co so la gi")).toBe(true);
    expect(askAmong(passages, "Số điện thoại của Phòng Cơ yếu - Công nghệ thông tin Văn phòng Tỉnh ủy là bao nhiêu?", title).reason).toMatch(/no phone number/u);
    const phone = ["Quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ đồng chí Đinh Thị Mai Phương, chuyên viên Phòng Cơ yếu - Công nghệ thông tin, Văn phòng Tỉnh ủy; điện thoại cơ quan: 0239.3856.412, di động: 0912.458.307."];
    expect(askAmong(phone, "Số điện thoại của Phòng Cơ yếu - Công nghệ thông tin Văn phòng Tỉnh ủy là bao nhiêu?", title).best?.text).toContain("0239.3856.412");
    // (A count of what lacks one asks no phone number.)
    expect(asksContact(understandQuestion("How many party members cannot be reached because their cell has no phone number for them?"))).toBe(false);
  });

  it("asks the title of an office named with a long body (\"Trưởng phòng Cơ yếu - Công nghệ thông tin Văn phòng Tỉnh ủy\"): a specialist of that department is no answer", () => {
    expect(understandQuestion("Trưởng phòng Cơ yếu - Công nghệ thông tin Văn phòng Tỉnh ủy Lam Giang là ai?").roleAsked?.map((k) => k.fold)).toEqual(["truong", "phong"]);
    expect(understandQuestion("Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Huyện ủy Vĩnh Khê là đồng chí nào?").roleAsked?.map((k) => k.fold)).toEqual(["pho", "chu", "nhiem", "thuong", "truc"]);
    // (A long span that opens with no title asks no office: "người ký quyết định …".)
    expect(understandQuestion("Ai là người ký quyết định thi hành kỷ luật đồng chí Trần Đình Khôi?").roleAsked).toBeNull();
    const passages = ["Quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ đồng chí Đinh Thị Mai Phương, chuyên viên Phòng Cơ yếu - Công nghệ thông tin, Văn phòng Tỉnh ủy Lam Giang."];
    expect(askAmong(passages, "Trưởng phòng Cơ yếu - Công nghệ thông tin Văn phòng Tỉnh ủy Lam Giang là ai?", "Công văn của Văn phòng Tỉnh ủy Lam Giang").reason).toMatch(/does not name the office asked: truong phong/u);
  });

  it("reads the noun after \"bao nhiêu %\" as what the share is of: a bare share in a row about it answers, a share of another noun does not", () => {
    const fee = understandQuestion("Đảng bộ cơ quan hành chính, đơn vị sự nghiệp được trích giữ lại bao nhiêu % đảng phí?");
    const row = "Loại hình tổ chức cơ sở đảng: Đảng bộ, chi bộ cơ sở cơ quan hành chính, đơn vị sự nghiệp (trường học, trung tâm y tế); Trích giữ lại: 50%; Nộp Huyện ủy: 50%.";
    expect(countsNoun(fee, row, "IV. TỶ LỆ TRÍCH GIỮ LẠI ĐẢNG PHÍ VÀ NỘP CẤP TRÊN")).not.toBe(false);
    expect(countsNoun(fee, row, "IV. TỶ LỆ TRÍCH GIỮ LẠI VÀ NỘP CẤP TRÊN")).toBe(false);
    const members = understandQuestion("Nghị quyết đặt chỉ tiêu hằng năm bao nhiêu % đảng viên hoàn thành tốt nhiệm vụ trở lên?");
    expect(countsNoun(members, "Hằng năm có trên 85% chi bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên.")).toBe(false);
    expect(countsNoun(members, "Hằng năm có từ 92% đảng viên trở lên được đánh giá hoàn thành tốt nhiệm vụ trở lên.")).toBe(true);
  });

  it("takes a day described (\"kể từ ngày Quyết định này có hiệu lực\") for when something takes effect, not for the day an event is held", () => {
    const unit = "Đồng chí Bí thư Chi bộ lâm thời giữ chức vụ kể từ ngày Quyết định này có hiệu lực đến khi Đại hội Chi bộ bầu ra chi ủy mới.";
    expect(answersKind(understandQuestion("Đại hội Chi bộ Trường Mầm non Hưng Thạch được tổ chức vào ngày nào?"), unit)).toBe(false);
    expect(answersKind(understandQuestion("Bí thư Chi bộ lâm thời giữ chức vụ từ ngày nào?"), unit)).toBe(true);
    expect(answersKind(understandQuestion("Quyết định có hiệu lực từ thời điểm nào?"), "Quyết định này có hiệu lực kể từ ngày ký.")).toBe(true);
    expect(answersKind(understandQuestion("Chi bộ thôn Cây Gáo sinh hoạt định kỳ vào ngày nào hằng tháng?"), "Chi bộ sinh hoạt định kỳ vào ngày 05 hằng tháng.")).toBe(true);
  });

  it("reads English \"when\" before a gerund as a conjunction, and no preposition (\"within\" → \"trong\") as what a question is about", () => {
    expect(understandQuestion("Which Politburo regulation did the inspection commission rely on when deciding the disciplinary measures?").kind).toBe("other");
    expect(understandQuestion("When will the review take place?").kind).toBe("when");
    expect(understandQuestion("According to the plan, when must the report be sent?").kind).toBe("when");
    expect(understandQuestion("Under the coordination regulation, who decides when the two sides still disagree after consultation?").kind).toBe("who");
    expect(understandQuestion("By which day of each month must the Front committee send its summary of public opinion?").kind).toBe("date");
    expect(understandQuestion("Within how many days must the disciplinary decisions be announced?").headPhrase?.[0]).not.toEqual(["trong"]);
  });

  it("answers \"Điều mấy quy định về …\" with the article whose heading says it, in Vietnamese and English; \"mức bao nhiêu\" asks no article", () => {
    const s = new TermStats();
    const passage = { id: "qc#28", text: "2. Phó Bí thư Thường trực ký thay mặt Ban Thường vụ các văn bản thuộc lĩnh vực được phân công.", context: "Chương III. CHẾ ĐỘ LÀM VIỆC. Điều 12. Chế độ ký văn bản", title: "Quy chế làm việc của Huyện ủy Vạn Xuyên", rank: 0 };
    const other = { id: "qc#22", text: "1. Các quyết định chỉ có giá trị khi được quá một nửa tổng số ủy viên tán thành.", context: "Chương III. CHẾ ĐỘ LÀM VIỆC. Điều 11. Nguyên tắc biểu quyết", title: "Quy chế làm việc của Huyện ủy Vạn Xuyên", rank: 1 };
    for (const text of [passage.text, other.text, "Báo cáo kết quả công tác năm 2025."]) s.add(text);
    for (const question of ["Điều mấy trong Quy chế làm việc của Huyện ủy Vạn Xuyên quy định về chế độ ký văn bản?", "dieu may trong quy che lam viec quy dinh ve che do ky van ban", "Which article of the working regulation covers the signing of documents?"]) {
      const r = extractAnswer(understandQuestion(question), [other, passage], s);
      expect(r.best?.text, question).toMatch(/^Điều 12\. Chế độ ký văn bản: /u);
    }
    expect(understandQuestion("Thu nhập bình quân đầu người phải đạt mức bao nhiêu?").asksArticle).toBe(false);
    expect(understandQuestion("Đảng viên không được làm những điều nào?").asksArticle).toBe(false);
    // An item's number split off as a sentence says nothing: it is no unit.
    expect(extractAnswer(understandQuestion("Điều mấy quy định về nguyên tắc biểu quyết?"), [other], s).best?.text).toContain("quá một nửa");
  });

  it("quotes a header's title line only for what a document is about or for a document named by its number; \"which party body issued …\" asks who", () => {
    const s = new TermStats();
    const header = "Kế hoạch số 41-KH/HU ngày 22/03/2027: rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý năm 2027\nSố hiệu: 41-KH/HU\nCơ quan ban hành: Huyện ủy Kim Trạch";
    s.add(header);
    const candidate = { id: "kh#0", text: header, context: "Thông tin văn bản", title: "Kế hoạch số 41-KH/HU", rank: 0, isHeader: true };
    expect(extractAnswer(understandQuestion("Việc rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý năm 2027 cần lưu ý gì?"), [candidate], s).abstained).toBe(true);
    expect(extractAnswer(understandQuestion("Kế hoạch rà soát quy hoạch cán bộ năm 2027 về việc gì?"), [candidate], s).best?.text).toMatch(/^Kế hoạch số 41-KH\/HU/u);
    expect(extractAnswer(understandQuestion("Kế hoạch 41-KH/HU năm 2027 rà soát, bổ sung quy hoạch cán bộ gì?"), [candidate], s).best?.text).toMatch(/^Kế hoạch số 41-KH\/HU/u);
    expect(understandQuestion("Which party body issued notice No. 146-TB/ĐU?").kind).toBe("who");
    expect(understandQuestion("What is the party body's main task?").kind).not.toBe("who");
  });

  it("answers why only with a cause or a purpose, and a total with no share per member", () => {
    expect(answersKind(understandQuestion("Vì sao giai đoạn 2021 - 2025 tỉnh kết nạp đảng viên thấp hơn chỉ tiêu?"), "Giai đoạn 2021 - 2025, bình quân mỗi năm toàn tỉnh kết nạp được 296 đảng viên, thấp hơn chỉ tiêu đề ra.")).toBe(false);
    expect(answersKind(understandQuestion("Vì sao tỉnh kết nạp đảng viên thấp hơn chỉ tiêu?"), "Kết nạp thấp hơn chỉ tiêu do nhiều đảng viên đi làm ăn xa.")).toBe(true);
    const total = understandQuestion("Thanh tra tỉnh có tổng cộng bao nhiêu công chức?");
    expect(countsNoun(total, "Mỗi bên cử từ 01 đến 02 công chức tham gia đoàn kiểm tra.")).toBe(false);
    expect(countsNoun(total, "Thanh tra tỉnh có 46 công chức.")).toBe(true);
    // ("mới có 5.214 đảng viên": "mới" is not "mỗi".)
    expect(countsNoun(understandQuestion("Hiện nay có bao nhiêu đảng viên đã cài ứng dụng?"), "Tuy nhiên, mới có 5.214 đảng viên cài đặt ứng dụng.")).toBe(true);
  });

  it("reads a rate asked in lower case up to its place, and does not give a target for the rate now", () => {
    const now = understandQuestion("ty le nguoi dan thon cay gao tham gia bao hiem y te hien nay dat bao nhieu");
    expect(missingIndicator(now, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96,8%.")).toBeNull();
    expect(givesTargetForNow(now, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 98% trở lên.")).toBe(true);
    expect(givesTargetForNow(now, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96,8%.")).toBe(false);
    // (A figure said as what remains beside the target it met is the figure: "xuống còn 1,9% …, đạt chỉ tiêu (dưới 2%)".)
    const poor = understandQuestion("Tỷ lệ hộ nghèo cuối nhiệm kỳ còn bao nhiêu phần trăm?");
    expect(givesTargetForNow(poor, "Tỷ lệ hộ nghèo giảm từ 6,8% xuống còn 1,9% vào cuối năm 2029, đạt chỉ tiêu Nghị quyết (dưới 2%).")).toBe(false);
    expect(givesTargetForNow(poor, "Phấn đấu tỷ lệ hộ nghèo theo chỉ tiêu dưới 2%.")).toBe(true);
    // Not asked of now, a target answers.
    expect(givesTargetForNow(understandQuestion("Đến năm 2027 tỷ lệ người dân tham gia bảo hiểm y tế phải đạt bao nhiêu?"), "Tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 98% trở lên.")).toBe(false);
  });

  it("cuts a long sentence to the part that negates when the question asks what is not done", () => {
    const sentence = "Kết quả xếp loại chi bộ năm 2025: 12 chi bộ hoàn thành xuất sắc nhiệm vụ, 30 chi bộ hoàn thành tốt nhiệm vụ, 18 chi bộ hoàn thành nhiệm vụ, trong đó có 06 chi bộ trường học, 04 chi bộ doanh nghiệp, 08 chi bộ thôn, và 02 chi bộ không hoàn thành nhiệm vụ là Chi bộ thôn Đông Yên và Chi bộ thôn Tây Yên.";
    const trimmed = trimAnswer(sentence, understandQuestion("Which party cells did not complete their tasks in 2025?"));
    expect(trimmed).toContain("không hoàn thành nhiệm vụ là Chi bộ thôn Đông Yên");
  });

  it("takes a neighbourhood named by its number for a place: \"khu phố 7\" is not \"khu phố 3\"", () => {
    const plan = understandQuestion("Chi bộ khu phố 3 có bao nhiêu đảng viên?");
    expect(otherPlace(plan, "Chi bộ khu phố 7 hiện có 64 đảng viên (61 đảng viên chính thức, 3 đảng viên dự bị).")).toBe("khu pho 7");
    expect(otherPlace(plan, "Chi bộ khu phố 3 hiện có 40 đảng viên.")).toBeNull();
  });

  it("counts nothing with a percentage for \"how many\", and answers \"by how much\" with one", () => {
    const households = understandQuestion("How many households and residents does Cây Gáo village have?");
    expect(countsNoun(households, "Tỷ lệ hộ gia đình văn hóa đạt 94,6%; 98% số hộ sử dụng nước sạch.")).toBe(false);
    expect(countsNoun(households, "Toàn thôn có 412 hộ với 1.687 nhân khẩu.")).toBe(true);
    expect(countsNoun(understandQuestion("Thôn Cây Gáo có bao nhiêu hộ?"), "98% số hộ sử dụng nước sạch.")).toBe(false);
    // ("năm 2030" is a year, not five.)
    expect(countsNoun(understandQuestion("Tổng số đảng viên của Đảng bộ tỉnh hiện nay là bao nhiêu người?"), "Đến năm 2030, đảng viên là người dân tộc thiểu số chiếm từ 30% trở lên tổng số đảng viên.")).toBe(false);
    expect(countsNoun(understandQuestion("Có bao nhiêu người được khen thưởng?"), "Khen thưởng năm đồng chí có thành tích xuất sắc.")).toBe(true);
  });

  it("counts only the part a question narrows its noun to (\"đảng viên nữ\"), said after the number or in its clause", () => {
    const women = understandQuestion("Có bao nhiêu đảng viên nữ được biểu dương tại hội nghị?");
    expect(countsNoun(women, "Trong 40 đảng viên, số đảng viên trực tiếp lao động, đảng viên nữ và đảng viên dưới 35 tuổi chiếm không dưới 50%.")).toBe(false);
    expect(countsNoun(women, "Biểu dương 40 đảng viên, trong đó có 18 đảng viên nữ.")).toBe(true);
    expect(countsNoun(understandQuestion("Năm 2025 có bao nhiêu đảng viên chính thức được công nhận?"), "Xét công nhận đảng viên chính thức cho 198 đồng chí.")).toBe(true);
  });

  it("reads a table row's count under its column's name, the row's name and the table's caption", () => {
    const caption = "Bảng 2. Số lượng và biến động đảng viên của các đảng bộ xã năm 2025";
    const row = "3. Đơn vị: Đảng bộ xã Tân Hà; Số đảng viên (đến 31/12/2025): 457; Kết nạp mới (Biến động trong năm 2025): 17; Chuyển đi (Biến động trong năm 2025): 4.";
    expect(countsNoun(understandQuestion("Năm 2025 Đảng bộ xã Tân Hà kết nạp bao nhiêu đảng viên mới?"), row, caption)).toBe(true);
    expect(countsNoun(understandQuestion("Đảng bộ xã Tân Hà có bao nhiêu đảng viên chuyển đi?"), row, caption)).toBe(true);
    // (Without the caption nothing says whom "Kết nạp mới" counts; a flow not asked counts none of the members.)
    expect(countsNoun(understandQuestion("Năm 2025 Đảng bộ xã Tân Hà kết nạp bao nhiêu đảng viên mới?"), row.replace("Số đảng viên (đến 31/12/2025): 457; ", "Tổng số: 457; "))).toBe(false);
    expect(countsNoun(understandQuestion("Đảng bộ xã Tân Hà có bao nhiêu đảng viên?"), row.replace("Số đảng viên (đến 31/12/2025): 457; ", ""), caption)).toBe(false);
    // The row's own name says what is counted.
    const kinds = "Loại hình tổ chức đảng: Chi bộ quân sự, công an; Năm 2024: 16; Năm 2025: 16; Tăng (+), giảm (-): 0.";
    expect(countsNoun(understandQuestion("Năm 2025 huyện có bao nhiêu chi bộ quân sự, công an?"), kinds, "Bảng 1. Tổ chức đảng phân theo loại hình")).toBe(true);
    // A row of rates holds no counts.
    expect(countsNoun(understandQuestion("Năm 2027 có bao nhiêu bí thư chi bộ là trưởng thôn?"), "Chỉ tiêu: Tỷ lệ bí thư chi bộ đồng thời là trưởng thôn (%); 2026: 70; 2027: 75; 2028: 80.", "Chỉ tiêu cụ thể")).toBe(false);
  });

  it("reads a document named by its kind, what it is and its number (\"Quy chế phối hợp số 02-QC/…\")", () => {
    expect(understandQuestion("Quy chế phối hợp số 02-QC/UBKTTU-TTr năm 2021 do ai ký?").docRefs).toEqual(["2"]);
    expect(understandQuestion("Quy định về số lượng 5 ủy viên?").docRefs).toEqual([]);
  });

  it("counts no members at the start of a term (\"Đầu nhiệm kỳ, …\") for how many there are now", () => {
    const now = understandQuestion("Chi bộ thôn Cây Gáo hiện nay có bao nhiêu đảng viên?");
    expect(countsNoun(now, "Đầu nhiệm kỳ, Chi bộ có 27 đảng viên.")).toBe(false);
    expect(countsNoun(now, "Đến nay Chi bộ có 33 đảng viên, trong đó 31 đảng viên chính thức.")).toBe(true);
    expect(countsNoun(understandQuestion("Chi bộ còn bao nhiêu đảng viên?"), "Đầu nhiệm kỳ, Chi bộ có 27 đảng viên.")).toBe(false);
    // Not asked of now, the count at the start of the term is one.
    expect(countsNoun(understandQuestion("Đầu nhiệm kỳ Chi bộ có bao nhiêu đảng viên?"), "Đầu nhiệm kỳ, Chi bộ có 27 đảng viên.")).toBe(true);
  });

  it("counts nobody with a share or a bound (\"quá một nửa tổng số ủy viên\") for a plain count, in English too, and counts a committee's comrades when the committee is asked in English", () => {
    const plan = understandQuestion("How many members does the Standing Committee of the district party committee have?");
    expect(countsNoun(plan, "Các quyết định của Ban Thường vụ chỉ có giá trị khi được quá một nửa tổng số ủy viên Ban Thường vụ tán thành.")).toBe(false);
    expect(countsNoun(plan, "Ban Thường vụ Huyện ủy gồm 13 đồng chí.")).toBe(true);
    expect(countsNoun(understandQuestion("Có bao nhiêu ủy viên Ban Thường vụ?"), "Hội nghị chỉ tiến hành khi có ít nhất hai phần ba số ủy viên Ban Thường vụ tham dự.")).toBe(false);
    // Asked for the bound, the bound answers.
    expect(countsNoun(understandQuestion("How many members must attend for the meeting to be valid?"), "Hội nghị chỉ tiến hành khi có ít nhất hai phần ba số ủy viên tham dự.")).toBe(true);
  });

  it("does not answer about a commune with what a unit says of another commune of that level, named in the question in Vietnamese or English", () => {
    const title = "Nghị quyết Đại hội Đảng bộ xã Lãng Khê";
    const passages = ["Cả 3 xã đạt chuẩn nông thôn mới, trong đó xã Khê Hạ đạt chuẩn nông thôn mới nâng cao năm 2023."];
    expect(askAmong(passages, "Năm nào xã Lãng Khê đạt chuẩn nông thôn mới nâng cao?", title).reason).toMatch(/another place: xa khe ha/u);
    expect(askAmong(passages, "In which year did Lãng Khê commune meet the advanced new-countryside standard?", title).reason).toMatch(/another place: xa khe ha/u);
    expect(askAmong(passages, "Năm nào xã Khê Hạ đạt chuẩn nông thôn mới nâng cao?", title).abstained).toBe(false);
    // A place of another level in the question ("Huyện ủy Sơn Quy") says nothing of which commune.
    expect(askAmong(passages, "Huyện ủy Sơn Quy: năm nào xã đạt chuẩn nông thôn mới nâng cao?", title).reason ?? "").not.toMatch(/another place/u);
  });

  it("reads \"how soon\" as a duration, and \"how much budget revenue / funding\" as an amount of money", () => {
    expect(understandQuestion("How soon after retiring must a party member transfer their membership?").kind).toBe("duration");
    const money = understandQuestion("How much state budget revenue did the commune collect in 2025?");
    expect(countsNoun(money, "Tổng thu ngân sách nhà nước trên địa bàn đạt 24,37 tỷ đồng.")).toBe(true);
    expect(countsNoun(money, "Ngân sách nhà nước hỗ trợ 12 xã.")).toBe(false);
  });

  it("does not count the members an organisation has with those it admitted, nor, asked how many there are now, with a target", () => {
    const plan = understandQuestion("Đảng bộ xã hiện có tổng cộng bao nhiêu đảng viên?");
    expect(countsNoun(plan, "Phấn đấu hoàn thành chỉ tiêu 25 đảng viên năm 2026.")).toBe(false);
    expect(countsNoun(plan, "Trong 6 tháng đã kết nạp 14 đảng viên.")).toBe(false);
    expect(countsNoun(plan, "Đảng bộ xã có 1.318 đảng viên sinh hoạt tại 46 chi bộ.")).toBe(true);
    // Asked about the admissions, or about a plan's figures, they answer.
    expect(countsNoun(understandQuestion("Xã đã kết nạp bao nhiêu đảng viên?"), "Trong 6 tháng đã kết nạp 14 đảng viên.")).toBe(true);
    expect(countsNoun(understandQuestion("Kế hoạch giao bao nhiêu đảng viên?"), "Phấn đấu hoàn thành chỉ tiêu 25 đảng viên năm 2026.")).toBe(true);
    // "Who is the Secretary …?" asks a person, not the office's name.
    expect(understandQuestion("Who is the Secretary of the ward party committee?").actor).toBe("person");
    expect(understandQuestion("Who is the body in charge of the plan?").actor).toBe("any");
  });

  it("counts a noun said whole once and then by its head (\"điểm thưởng … tối đa 03 điểm\"), but not a head that starts another word", () => {
    const plan = understandQuestion("Được cộng tối đa bao nhiêu điểm thưởng?");
    expect(countsNoun(plan, "Điểm thưởng căn cứ kết quả công nhận mô hình “Dân vận khéo” tối đa 03 điểm.")).toBe(true);
    expect(countsNoun(understandQuestion("Tỉnh chọn mấy đảng bộ thí điểm?"), "Toàn Đảng bộ tỉnh đã kết nạp được 8 đảng viên là chủ doanh nghiệp.")).toBe(false);
  });

  it("answers where and when a meeting was held with the minutes' labelled lines (\"Địa điểm: …\", \"Thời gian: …\"), whose heading and title say which meeting", () => {
    const s = new TermStats();
    const title = "Biên bản số 09-BB/CB ngày 26/09/2025 của Chi bộ Trường THCS Lộc Vân: Họp Chi bộ định kỳ tháng 9 năm 2025";
    const passages = ["1. Thời gian: Bắt đầu lúc 14 giờ 00 phút, ngày 26 tháng 9 năm 2025.", "2. Địa điểm: Phòng họp Hội đồng sư phạm, Trường THCS Lộc Vân.", "Đồng chí Bí thư đề nghị chi bộ nâng cao chất lượng sinh hoạt chuyên đề."];
    for (const text of passages) s.add(`${text}\n${title}`);
    const candidates = passages.map((text, rank) => ({ id: `bb#${rank + 1}`, text, context: "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", title, rank }));
    expect(extractAnswer(understandQuestion("Chi bộ họp tháng 9 ở đâu?"), candidates, s).best?.text).toContain("Phòng họp Hội đồng sư phạm");
    expect(extractAnswer(understandQuestion("Where was the party cell's September meeting held?"), candidates, s).best?.text).toContain("Phòng họp Hội đồng sư phạm");
    expect(extractAnswer(understandQuestion("When did the party cell's September meeting start?"), candidates, s).best?.text).toContain("14 giờ");
    // Holding the meeting is what its place's label says ("được tổ chức ở đâu"), where other passages hold
    // the verb ("tổ chức tốt các hoạt động").
    const held = ["Chi bộ tổ chức cho đảng viên học tập nghị quyết.", "Nhà trường tổ chức tốt các hoạt động ngoại khóa."];
    const sHeld = new TermStats();
    for (const text of [...passages, ...held]) sHeld.add(`${text}\n${title}`);
    const withHeld = [...candidates, ...held.map((text, k) => ({ id: `bb#${passages.length + k + 1}`, text, context: "II. NỘI DUNG", title, rank: passages.length + k }))];
    const where = extractAnswer(understandQuestion("Họp chi bộ tháng 9 được tổ chức ở đâu?"), withHeld, sHeld);
    expect(where.abstained ? where.reason : where.best?.text).toContain("Phòng họp Hội đồng sư phạm");
    // Another meeting than the title's is not answered by its labels.
    expect(extractAnswer(understandQuestion("Hội nghị tổng kết năm học của nhà trường tổ chức ở đâu?"), candidates, s).abstained).toBe(true);
  });

  it("reads a day and month without the year (\"trước ngày 15/6\") as a date a when-question is answered by", () => {
    const plan = understandQuestion("Các đảng ủy trực thuộc báo cáo tình hình chuyển sinh hoạt đảng vào thời gian nào?");
    expect(answersKind(plan, "Các đảng ủy báo cáo định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12).")).toBe(true);
    expect(answersKind(plan, "Các đảng ủy báo cáo tình hình theo định kỳ.")).toBe(false);
  });

  it("does not answer when with a window cut right after the date that opens its sentence", () => {
    const filler = "Xây dựng Đảng bộ và hệ thống chính trị xã trong sạch, vững mạnh toàn diện, phát huy sức mạnh đoàn kết sau hợp nhất, khai thác hiệu quả tiềm năng, lợi thế về nông nghiệp công nghệ cao và du lịch sinh thái ven sông, nâng cao đời sống vật chất và tinh thần của Nhân dân";
    const passage = `${filler}, đến năm 2027, xã đạt chuẩn nông thôn mới nâng cao, đến năm 2030, đạt chuẩn nông thôn mới kiểu mẫu.`;
    const r = askAmong([passage], "Đến năm nào xã Lãng Khê đạt chuẩn nông thôn mới nâng cao?", "Nghị quyết Đại hội Đảng bộ xã Lãng Khê");
    expect(r.best?.text).toContain("2027");
  });

  it("reads a meeting's or a session's number (\"kỳ họp thứ 41\", \"Hội nghị thứ 12\") as no ordinal", () => {
    expect(understandQuestion("Ai chủ trì kỳ họp thứ 41 của Ủy ban Kiểm tra Huyện ủy?").ordinal).toBeNull();
    expect(understandQuestion("Hội nghị thứ 12 bàn những nội dung gì?").ordinal).toBeNull();
    expect(understandQuestion("Nhiệm vụ thứ hai là gì?").ordinal).toBe(2);
  });

  it("reads a Roman numeral after a word that numbers as that number of that thing: \"quý III\" is not found by any 3, nor by \"quý II\"", () => {
    expect(understandQuestion("Kế hoạch giám sát quý III năm 2025 giám sát những tổ chức đảng nào?").numbers).toEqual(["quy#3", "2025"]);
    expect(understandQuestion("Đại hội Đảng bộ xã lần thứ I có bao nhiêu đại biểu?").numbers).toEqual(["thu#1"]);
    // Two letters or more, alone, are the number they write (as before: "Đại hội XIV" is found by "đại hội 14").
    expect(understandQuestion("Đại hội XIV diễn ra khi nào?").numbers).toEqual(["14"]);
    const title = "Biên bản kỳ họp Ủy ban Kiểm tra";
    const passages = ["Đồng chí Hoàng Thị Duyên trình bày dự thảo Kế hoạch giám sát chuyên đề quý II năm 2025 đối với 04 tổ chức đảng: Đảng ủy xã Nà Sơn, Chi bộ Kho bạc huyện và 03 chi bộ khác."];
    expect(askAmong(passages, "Kế hoạch giám sát chuyên đề quý III năm 2025 giám sát những tổ chức đảng nào?", title).abstained).toBe(true);
    expect(askAmong(passages, "Kế hoạch giám sát chuyên đề quý II năm 2025 giám sát những tổ chức đảng nào?", title).abstained).toBe(false);
    expect(askAmong(["Kế hoạch giám sát chuyên đề quý 3 năm 2025 đối với 04 tổ chức đảng: Đảng ủy xã Nà Sơn và Chi bộ Kho bạc huyện."], "Kế hoạch giám sát chuyên đề quý III năm 2025 giám sát những tổ chức đảng nào?", title).abstained).toBe(false);
  });

  it("does not answer with a unit about another numbered congress (\"lần thứ XVII\" for \"lần thứ I\"), whatever its context says", () => {
    const title = "Nghị quyết Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I, nhiệm kỳ 2025 – 2030";
    const passages = ["Đoàn đại biểu dự Đại hội đại biểu Đảng bộ tỉnh Vân Khánh lần thứ XVII gồm 04 đại biểu chính thức và 01 đại biểu dự khuyết."];
    const r = askAmong(passages, "Có bao nhiêu đại biểu chính thức dự Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I?", title);
    expect(r.abstained).toBe(true);
    expect(r.reason).toMatch(/another one: thu#17/u);
    expect(askAmong(passages, "Có bao nhiêu đại biểu chính thức dự Đại hội đại biểu Đảng bộ tỉnh Vân Khánh lần thứ XVII?", title).abstained).toBe(false);
  });

  it("reads an occasion numbered by a word (\"lần thứ tám\") as numbered, and does not answer about the ninth with the eighth", () => {
    const title = "Báo cáo công tác tháng 3 năm 2026 của Đảng ủy phường Kim Đông";
    const passages = ["Ngày 06/3/2026, Ban Chấp hành Đảng bộ phường Kim Đông tổ chức Hội nghị lần thứ tám để đánh giá kết quả thực hiện nhiệm vụ."];
    const ninth = askAmong(passages, "Hội nghị lần thứ chín của Ban Chấp hành Đảng bộ phường Kim Đông được tổ chức vào ngày nào?", title);
    expect(ninth.abstained).toBe(true);
    expect(ninth.reason).toMatch(/thu#9|another one: thu#8/u);
    expect(askAmong(passages, "Hội nghị lần thứ tám của Ban Chấp hành Đảng bộ phường Kim Đông được tổ chức vào ngày nào?", title).abstained).toBe(false);
    // (A weekday is no ordinal: "vào thứ Năm".)
    expect(understandQuestion("Chi bộ họp vào thứ Năm hằng tuần phải không?").numbers).toEqual([]);
    expect(understandQuestion("Chi bộ họp vào thứ Năm hằng tuần phải không?").ordinal).toBeNull();
    expect(understandQuestion("Thường trực giao ban vào sáng thứ Hai hằng tuần không?").ordinal).toBeNull();
    expect(understandQuestion("Kinh nghiệm thứ tư là gì?").ordinal).toBe(4);
    expect(understandQuestion("Kỳ họp thứ chín diễn ra khi nào?").numbers).toEqual(["thu#9"]);
  });

  it("does not answer what a committee did with what another committee of its kind did (\"Ủy ban Kiểm tra\" for \"Ủy ban nhân dân\"), unless a body is asked", () => {
    const title = "Biên bản kỳ họp Ủy ban Kiểm tra Huyện ủy Đông Vân";
    const passages = ["Ủy ban Kiểm tra quyết định thi hành kỷ luật bằng hình thức cảnh cáo đối với đồng chí Lê Văn Quyết, Chủ tịch xã."];
    const r = askAmong(passages, "Ủy ban nhân dân huyện Đông Vân đã thi hành kỷ luật đồng chí Lê Văn Quyết bằng hình thức nào?", title);
    expect(r.reason).toMatch(/another committee: uy ban kiem/u);
    expect(askAmong(passages, "Ủy ban Kiểm tra Huyện ủy Đông Vân thi hành kỷ luật đồng chí Lê Văn Quyết bằng hình thức nào?", title).abstained).toBe(false);
    // Typed with a slip in the name's second word, the committee is still the one asked.
    expect(askAmong(passages, "Uỷ ban Kiểm tr Huyện ủy Đông Vân thi hành kỷ luật đồng chí Lê Văn Quyết bằng hình thức nào?", title).reason ?? "").not.toMatch(/another committee/u);
  });

  it("does not answer \"ngày nào\" with a year or a quarter alone, and reads \"số tiền … là bao nhiêu\" as asking an amount of money", () => {
    const title = "Biên bản kỳ họp thứ 41 của Ủy ban Kiểm tra Huyện ủy";
    const passages = ["Hội nghị thống nhất chương trình kỳ họp gồm 03 nội dung, trong đó có xem xét kỷ luật cán bộ xã và thông qua Kế hoạch giám sát chuyên đề quý II năm 2025."];
    expect(askAmong(passages, "Kỳ họp xem xét kỷ luật cán bộ xã diễn ra ngày nào?", title).abstained).toBe(true);
    expect(askAmong(passages, "Kỳ họp xem xét kỷ luật cán bộ xã diễn ra năm nào?", title).abstained).toBe(false);
    // Nor with a month alone: "ngày nào" asks the day.
    const classes = ["Trung tâm Chính trị huyện mở thêm 02 lớp bồi dưỡng nhận thức về Đảng trong tháng 10 và tháng 11/2026."];
    expect(askAmong(classes, "Lớp bồi dưỡng nhận thức về Đảng mở thêm trong tháng 11/2026 khai giảng ngày nào?", "Báo cáo của Huyện ủy").abstained).toBe(true);
    expect(askAmong(classes, "Trung tâm Chính trị huyện mở thêm lớp bồi dưỡng nhận thức về Đảng vào tháng nào?", "Báo cáo của Huyện ủy").abstained).toBe(false);
    expect(understandQuestion("Số tiền còn phải thu hồi là bao nhiêu?").countedNoun?.map((k) => k.fold)).toEqual(["tien"]);
    expect(understandQuestion("Số đảng viên mới là bao nhiêu?").countedNoun).toBeNull();
    // "tổng số bao nhiêu X" counts X (a total is no item's number, as "số bao nhiêu" is).
    expect(understandQuestion("Chi bộ có tổng số bao nhiêu đảng viên?").countedNoun?.map((k) => k.fold)).toEqual(["dang", "vien"]);
    expect(understandQuestion("Quyết định số bao nhiêu quy định việc này?").countedNoun).toBeNull();
    const room = "Địa điểm: Hội trường tầng 3, trụ sở Công ty Cổ phần Cơ khí Tân An.";
    // A count of the asked noun "của" another owner than the one asked is no answer.
    const schools = "Tổng số đảng viên của 04 chi bộ trường học thuộc Đảng bộ xã là bao nhiêu?";
    const cells = "Đảng bộ xã có 19 chi bộ trực thuộc, gồm 11 chi bộ thôn, 04 chi bộ trường học và 04 chi bộ cơ quan. Tổng số đảng viên của Đảng bộ đến ngày 31/12/2025 là 812 đồng chí.";
    expect(askAmong([cells], schools, "Nghị quyết của Đảng ủy xã Tân Phước").abstained).toBe(true);
    expect(askAmong(["Tổng số đảng viên của 04 chi bộ trường học là 57 đồng chí."], schools, "Nghị quyết của Đảng ủy xã Tân Phước").best?.text).toContain("57");
    // A place typed without capitals is named where the passages write it capitalised after its level.
    const youth = "xa cao son co bao nhieu thanh nien di lam viec o khu cong nghiep ngoai tinh";
    const communes = ["Xã Lũng Vài: toàn xã có 612 thanh niên thì 384 người đang làm việc tại các khu công nghiệp ngoài tỉnh.", "Xã Cao Sơn có 14 thôn, 3 thôn chưa có chi bộ."];
    const named = withPlacesNamedIn(understandQuestion(youth), communes);
    expect(named.names).toEqual([["cao_son"]]);
    expect(withPlacesNamedIn(understandQuestion(youth), ["Các xã cao nhất là Lũng Vài."]).names).toEqual([]);
    // (A name ends at the line's end: "Số liệu" on the next line is no part of it.)
    expect(withPlacesNamedIn(understandQuestion("xa cao son so lieu thanh nien nam 2026"), ["Xã Cao Sơn\nSố liệu năm 2026"]).names).toEqual([["cao_son"]]);
    const s = new TermStats();
    for (const p of communes) s.add(p);
    const candidates = communes.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Báo cáo", rank }));
    expect(extractAnswer(named, candidates, s).abstained).toBe(true);
    // "… tính bắt đầu từ ngày nào?" is not answered by a date that ends something ("tính đến ngày 30/9/2026").
    const start = understandQuestion("Thời gian đánh giá xếp loại được tính bắt đầu từ ngày nào?");
    expect(givesOnlyEndDate(start, "Toàn bộ 1.540 đảng viên trong Đảng bộ (số liệu tính đến ngày 30/9/2026) đều phải kiểm điểm.")).toBe(true);
    expect(givesOnlyEndDate(start, "Thời gian đánh giá tính từ ngày 01/12/2025 đến ngày 30/11/2026.")).toBe(false);
    expect(givesOnlyEndDate(understandQuestion("Đảng bộ phải hoàn thành kiểm điểm trước ngày nào?"), "Hoàn thành trước ngày 30/11/2026.")).toBe(false);
    // Members exempted, present or absent are no count of members a question does not narrow so.
    const present = understandQuestion("Có bao nhiêu đảng viên có mặt tại buổi sinh hoạt chi bộ?");
    expect(countsNoun(present, "Đề nghị chi ủy rà soát lại danh sách 09 đảng viên được miễn sinh hoạt.")).toBe(false);
    expect(countsNoun(understandQuestion("Chi bộ có bao nhiêu đảng viên?"), "Buổi sinh hoạt có 41 đảng viên có mặt.")).toBe(false);
    expect(countsNoun(understandQuestion("Có bao nhiêu đảng viên được miễn sinh hoạt?"), "Chi bộ có 09 đảng viên được miễn sinh hoạt.")).toBe(true);
    expect(countsNoun(understandQuestion("Có bao nhiêu đồng chí tán thành?"), "Biểu quyết: 20/21 đồng chí có mặt tán thành.")).not.toBe(false);
    const totalOf = (title: string) => askAmong([room, "Tổng số đảng viên của chi bộ: 31 đồng chí."], "Chi bộ Công ty Cơ khí Tân An có tổng số bao nhiêu đảng viên?", title);
    // (The room's floor counts no member: where only the room's line names the company, nothing is said.)
    expect(totalOf("Biên bản họp chi bộ").abstained).toBe(true);
    expect(totalOf("Biên bản họp Chi bộ Công ty Cổ phần Cơ khí Tân An").best?.text).toContain("31 đồng chí");
    expect(understandQuestion("Quyết định phải công bố trong bao nhiêu ngày kể từ ngày ký?").countedNoun?.map((k) => k.fold)).toEqual(["ngay"]);
    // "How much provincial budget …" asks an amount of money, whatever word comes first.
    const budget = understandQuestion("Roughly how much provincial budget is expected to be spent on the support policies?");
    expect(countsNoun(budget, "Tổng kinh phí ngân sách tỉnh dự kiến chi cho các chính sách này khoảng 96 tỷ đồng.")).toBe(true);
    expect(countsNoun(budget, "Tỉnh giảm 45 xã, phường, thị trấn.")).toBe(false);
    // An age the question opens with is counted in years of age.
    expect(countsNoun(understandQuestion("Tuổi bình quân của đảng viên chi bộ là bao nhiêu?"), "Có 03 chi bộ hai năm liền không kết nạp được đảng viên nào.")).toBe(false);
    expect(countsNoun(understandQuestion("Tuổi bình quân của đảng viên chi bộ là bao nhiêu?"), "Tuổi bình quân của đảng viên là 47 tuổi.")).toBe(true);
    // An allowance or budget the question opens with is an amount of money.
    const allowance = understandQuestion("Phụ cấp hằng tháng của bí thư chi bộ thôn là bao nhiêu?");
    expect(countsNoun(allowance, "Mở thêm lớp bồi dưỡng cho bí thư chi bộ thôn, ít nhất 02 lớp trong năm.")).toBe(false);
    expect(countsNoun(allowance, "Bí thư chi bộ thôn được hưởng phụ cấp hằng tháng 1.500.000 đồng.")).toBe(true);
    // (A number before a comma counts nothing after it: "04 đảng viên, tổ chức cơ sở đảng …".)
    expect(countsNoun(understandQuestion("Huyện thi hành kỷ luật bao nhiêu tổ chức đảng?"), "Thi hành kỷ luật 04 đảng viên, tổ chức cơ sở đảng thi hành kỷ luật 09 đảng viên.")).toBe(false);
    const fees = ["100% đảng viên đóng đảng phí quý III năm 2025 đầy đủ, đúng quy định."];
    expect(askAmong(fees, "Tổng số tiền đảng phí quý III năm 2025 chi bộ thu được là bao nhiêu?", "Biên bản họp chi bộ").abstained).toBe(true);
  });

  it("takes a year named only as the period compared with for no year of the passage", () => {
    const passages = ["Ủy ban Kiểm tra tiếp nhận 3 đơn tố cáo đối với 3 đảng viên (cùng kỳ năm 2025: 1 đơn)."];
    const r = askAmong(passages, "Ủy ban Kiểm tra nhận bao nhiêu đơn tố cáo trong 6 tháng đầu năm 2026?", "Báo cáo kết quả kiểm tra, giám sát 6 tháng đầu năm 2026");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("3 đơn tố cáo");
  });

  it("reads \"What is the date of …\" as asking a day", () => {
    expect(understandQuestion("What is the date of the ward's inspection report?").kind).toBe("date");
  });

  it("reads \"By what date must …\" as asking a deadline, answered by a date the text sets as one", () => {
    const passages = [
      "Ngày 28/11/2025, các bộ, ngành đã gửi báo cáo tình hình thực hiện Nghị quyết đến Bộ Tư pháp.",
      "Các bộ, ngành gửi báo cáo thực hiện Nghị quyết đến Bộ Tư pháp trước ngày 05 tháng 12 năm 2025.",
    ];
    const r = askAmong(passages, "By what date must ministries send their reports on implementing Resolution 66-NQ/TW to the Ministry of Justice?", "Thông báo về thực hiện Nghị quyết số 66-NQ/TW");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("trước ngày 05 tháng 12 năm 2025");
  });

  it("never answers a yes-or-no question with a header's title line", () => {
    const header = "Kết luận số 212-KL/TW ngày 18/11/2025: Của Bộ Chính trị về định hướng xây dựng tiêu chuẩn của đơn vị hành chính, phân loại đơn vị hành chính và đô thị\nNgười ký: Trần Cẩm Tú";
    const s = new TermStats();
    s.add(header);
    s.add("Các tỉnh rà soát đơn vị hành chính cấp xã.");
    const candidate = { id: "h", text: header, context: "Thông tin văn bản", title: "Kết luận số 212-KL/TW", rank: 0, isHeader: true };
    expect(extractAnswer(understandQuestion("Theo Kết luận 212-KL/TW, đô thị có phải là một đơn vị hành chính không?"), [candidate], s).abstained).toBe(true);
    expect(extractAnswer(understandQuestion("According to Conclusion 212-KL/TW, must an urban area be an administrative unit?"), [candidate], s).abstained).toBe(true);
  });

  it("answers \"Ai giữ chức X?\" only with a unit that names office X with its holder", () => {
    const passages = [
      "Ví dụ: đồng chí Nguyễn Văn Y, Phó Trưởng Ban Tuyên giáo và Dân vận Trung ương, chức danh thuộc diện Ban Bí thư quản lý.",
      "Đồng chí Tổng Bí thư là Bí thư Quân ủy Trung ương.",
    ];
    const r = askAmong(passages, "Ai giữ chức Bí thư Quân ủy Trung ương?", "Điều lệ Đảng", ["Quân ủy Trung ương lãnh đạo Quân đội.", "Ban Bí thư chỉ đạo công việc."]);
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toBe("Đồng chí Tổng Bí thư là Bí thư Quân ủy Trung ương.");
    const refused = askAmong(passages.slice(0, 1), "Ai giữ chức Bí thư Quân ủy Trung ương?", "Hướng dẫn về Quân ủy Trung ương", ["Ban Bí thư chỉ đạo công việc."]);
    expect(refused.abstained).toBe(true);
  });

  it("reads the office a who-question asks the holder of", () => {
    const role = (q: string) => understandQuestion(q).roleAsked?.map((k) => k.fold).join(" ") ?? null;
    expect(role("Ai giữ chức Bí thư Quân ủy Trung ương?")).toBe("bi thu quan uy trung uong");
    expect(role("ai dang giu chuc chanh van phong trung uong dang")).toBe("chanh van phong trung uong dang");
    expect(role("Chánh Văn phòng Tỉnh ủy là ai?")).toBe("chanh van phong tinh uy");
    expect(role("Ai ký Quy định 383?")).toBeNull();
    expect(role("Ai chủ trì hội nghị?")).toBeNull();
  });

  it("takes a rule's threshold for a count only when the question asks for a threshold or a condition", () => {
    const rule = "Ở cơ quan, doanh nghiệp, hợp tác xã có từ ba đảng viên chính thức trở lên, lập tổ chức cơ sở đảng.";
    expect(countsNoun(understandQuestion("Chi bộ hợp tác xã có bao nhiêu đảng viên?"), rule)).toBe(false);
    expect(countsNoun(understandQuestion("Hợp tác xã có từ bao nhiêu đảng viên chính thức trở lên thì lập tổ chức cơ sở đảng?"), rule)).toBe(true);
    expect(countsNoun(understandQuestion("Chi bộ hợp tác xã có bao nhiêu đảng viên?"), "Có 3 chi bộ hợp tác xã với 28 đảng viên.")).toBe(true);
    // A number the question gives is not the count asked ("1 cán bộ … mấy chức danh" is not answered by "Một chức danh … 03 cán bộ").
    const titles = understandQuestion("1 cán bộ được quy hoạch tối đa mấy chức danh?");
    expect(countsNoun(titles, "Một chức danh lãnh đạo, quản lý quy hoạch không quá 03 cán bộ.")).toBe(false);
    expect(countsNoun(titles, "Một cán bộ quy hoạch không quá 03 chức danh lãnh đạo, quản lý.")).toBe(true);
  });

  it("reads a count written out in brackets after its digits (\"15 (mười lăm) đảng viên\")", () => {
    const lead = "Tặng Giấy khen của Ban Thường vụ Huyện ủy cho 15 (mười lăm) đảng viên đã có thành tích xuất sắc, cụ thể như sau:";
    expect(countsNoun(understandQuestion("Quyết định tặng Giấy khen cho bao nhiêu đảng viên?"), lead)).toBe(true);
    expect(countsNoun(understandQuestion("quyet dinh tang giay khen cho bao nhieu dang vien"), lead)).toBe(true);
    // Other words in brackets still part a number from a noun.
    expect(countsNoun(understandQuestion("Có bao nhiêu đảng viên?"), "Theo Điều 12 (khoản 3) đảng viên phải …")).toBe(false);
  });

  it("takes no count of a part of those asked (\"14 đảng viên mới\"), nor a committee's comrades for a party organisation's members", () => {
    const admitted = "Đảng bộ xã Phong Đông kết nạp 14 đảng viên mới, vượt 40% chỉ tiêu.";
    expect(countsNoun(understandQuestion("Đảng bộ xã Phong Đông hiện có tổng cộng bao nhiêu đảng viên?"), admitted)).toBe(false);
    expect(countsNoun(understandQuestion("Đảng bộ xã Phong Đông kết nạp bao nhiêu đảng viên mới?"), admitted)).toBe(true);
    expect(countsNoun(understandQuestion("How many new party members did Phong Dong commune admit?"), admitted)).toBe(true);
    const committee = "Chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ phường Bình An khóa XIV gồm 15 đồng chí.";
    expect(countsNoun(understandQuestion("Đảng bộ phường Bình An có bao nhiêu đảng viên?"), committee)).toBe(false);
    expect(countsNoun(understandQuestion("Ban Chấp hành Đảng bộ phường Bình An có bao nhiêu ủy viên?"), committee)).toBe(true);
    expect(countsNoun(understandQuestion("Chi bộ có bao nhiêu đảng viên không hoàn thành nhiệm vụ?"), "Không hoàn thành nhiệm vụ 05 đồng chí.")).toBe(true);
  });

  it("reads \"năm bao nhiêu\" at the end of a question as asking a year, and \"số mấy\" as the number of the kind right before it", () => {
    expect(understandQuestion("Đồng chí Tài sinh năm bao nhiêu?").kind).toBe("date");
    expect(understandQuestion("Trong năm bao nhiêu đảng viên được kết nạp?").kind).toBe("count");
    expect(understandQuestion("Quyết định khen thưởng được ban hành trên cơ sở tờ trình số mấy?").askedDocument.kinds).toEqual(["to trinh"]);
    expect(understandQuestion("Quyết định khen thưởng năm 2025 số mấy?").askedDocument.kinds).toEqual(["quyet dinh"]);
  });

  it("reads \"whose …\" as asking for a person or a body (\"Whose submission did the Politburo consider?\")", () => {
    const whose = understandQuestion("Whose submission on the classification of urban areas did the Politburo consider?");
    expect(whose.actor).toBe("any");
    expect(answersKind(whose, "Bộ Chính trị xem xét Tờ trình của Đảng uỷ Chính phủ về Đề án phân loại đô thị.")).toBe(true);
    expect(understandQuestion("Who chaired the meeting?").actor).toBe("person");
  });

  it("ends the counted noun at \"để\" typed without marks (\"bao nhieu ngay de phe duyet\" counts days), not at the \"đề\" of \"chủ đề\"", () => {
    expect(understandQuestion("cap co tham quyen co bao nhieu ngay de phe duyet quy hoach?").countedNoun?.map((k) => k.fold)).toEqual(["ngay"]);
    expect(understandQuestion("Chi bộ sinh hoạt bao nhiêu chủ đề mỗi năm?").countedNoun?.map((k) => k.fold)).toEqual(["chu", "de"]);
  });

  it("trims a long sentence to a window that holds the fact asked, however far into the sentence", () => {
    const sentence =
      "Để việc đề xuất biên chế giai đoạn 2026-2031 của các sở, ngành, địa phương được triển khai thống nhất, đề nghị các sở, ngành, địa phương khẩn trương tổng hợp đề xuất biên chế giai đoạn 2026-2031 theo vị trí việc làm theo biểu mẫu gửi kèm (sở, ngành báo cáo số liệu theo Phụ lục số 1A, 1B, 3A, 3B; địa phương báo cáo số liệu theo Phụ lục số 2A, 2B, 4A, 4B) và gửi về Sở Nội vụ trước ngày 26/11/2025 để tổng hợp, báo cáo cấp có thẩm quyền xem xét, quyết định.";
    const trimmed = trimAnswer(sentence, understandQuestion("Đề xuất biên chế giai đoạn 2026-2031 theo vị trí việc làm gửi trước ngày nào?"));
    expect(trimmed).toContain("trước ngày 26/11/2025");
    expect(trimmed.length).toBeLessThanOrEqual(252);
  });

  it("reads \"gấp bao nhiêu lần\" as asking a multiple, which the text states as \"… lần\" without \"gấp\"", () => {
    const passages = ["Hệ số quy hoạch từ 1,0 - 1,5 lần so với số lượng cấp ủy viên theo quy định."];
    const alsoIndexed = ["Việc gấp phải báo cáo ngay.", ...Array.from({ length: 8 }, (_, i) => `Số lượng cấp ủy viên được đưa vào quy hoạch ở đơn vị ${i + 1} do cấp ủy quyết định.`)];
    const r = askAmong(passages, "Hệ số quy hoạch gấp bao nhiêu lần số lượng cấp ủy viên theo quy định?", "Hướng dẫn quy hoạch cán bộ", alsoIndexed);
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("1,5 lần");
  });

  it("reads the number of an event or a term (\"lần thứ hai\", \"the first congress\") as naming it, not as asking for a numbered item", () => {
    expect(understandQuestion("Kinh nghiệm thứ tư là gì?").ordinal).toBe(4);
    expect(understandQuestion("What is the fourth lesson?").ordinal).toBe(4);
    expect(understandQuestion("Đại hội lần thứ hai họp khi nào?").ordinal).toBeNull();
    expect(understandQuestion("When was the resolution of the first congress of the commune party organisation issued?").ordinal).toBeNull();
    expect(understandQuestion("What did the second plenum decide?").ordinal).toBeNull();
  });

  it("tells yes-or-no questions from others", () => {
    for (const q of ["Tài liệu dự phòng có được để chung với bản gốc không?", "Đảng viên dự bị có quyền biểu quyết hay không?", "Có phải chi bộ họp mỗi tháng một lần?", "tài liệu có đc để chung ko?", "Must an urban area coincide with a single administrative unit?", "According to Conclusion 212, can a ward be merged?"]) {
      expect(asksYesOrNo(understandQuestion(q)), q).toBe(true);
    }
    for (const q of ["Chi bộ có bao nhiêu đảng viên?", "Vì sao chưa kết nạp?", "Ai ký Quy định?", "What is the deadline for sending the dossiers?", "Which body signs the decision?"]) {
      expect(asksYesOrNo(understandQuestion(q)), q).toBe(false);
    }
  });

  it("never answers with the numbered line that titles the bullets under it", () => {
    const passage = "6.1. Hệ số quy hoạch cấp ủy, ban thường vụ cấp ủy, ủy ban kiểm tra các cấp.\n- Hệ số quy hoạch từ 1,0 - 1,5 lần so với số lượng cấp ủy, ban thường vụ cấp ủy, ủy ban kiểm tra các cấp theo quy định.";
    const r = askAmong([passage], "What planning coefficient applies to party committees, standing committees and inspection commissions?", "Hướng dẫn quy hoạch cán bộ");
    expect(r.best?.text).toContain("1,0 - 1,5 lần");
  });

  it("refuses a passage that only its title makes look like an answer", () => {
    const title = "Kế hoạch thực hiện công tác dân số và phát triển năm 2026 của tỉnh Gia Lai";
    const passages = ["Tỷ lệ người từ 65 tuổi trở lên đạt khoảng 12% dân số.", "Sở Y tế chủ trì triển khai Kế hoạch; báo cáo kết quả trước ngày 15/12/2026."];
    const elsewhere = ["Đảng viên phải chấp hành nghị quyết của Đảng.", "Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.", "Trẻ em được chăm sóc và giáo dục.", "Tiêm chủng mở rộng được triển khai tại trạm y tế.", "Kết quả kiểm tra được báo cáo đầy đủ."];
    const s = new TermStats();
    for (const p of passages) s.add(`${p}\n${title}`);
    for (const p of elsewhere) for (let i = 0; i < 3; i++) s.add(`${p} ${i}`);
    const candidates = passages.map((text, rank) => ({ id: `p${rank}`, text, context: "", title, rank }));
    // Full credit for the title: only the share the passage states of the rest of the question decides.
    const policy = (minOwnCoverage: number) => withPolicy({ contextCredit: 1, minOwnCoverage });
    const asked = understandQuestion("Kế hoạch công tác dân số và phát triển năm 2026 của tỉnh Gia Lai đặt tỷ lệ trẻ em được tiêm chủng đầy đủ là bao nhiêu?");
    const refused = extractAnswer(asked, candidates, s, policy(0.4));
    expect(refused.abstained).toBe(true);
    expect(refused.reason).toContain("beyond its context");
    expect(extractAnswer(asked, candidates, s, policy(0)).best?.text).toContain("12%");
    const stated = extractAnswer(understandQuestion("Kế hoạch dân số và phát triển năm 2026 của Gia Lai đặt tỷ lệ người từ 65 tuổi trở lên là bao nhiêu?"), candidates, s, policy(0.4));
    expect(stated.best?.text).toContain("12%");
  });

  it("answers a count question with the clause that holds the number", () => {
    const r = ask("Có bao nhiêu xã có chi bộ cơ quan?");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toBe("68/152 xã có chi bộ cơ quan với 918 đảng viên");
  });

  it("answers a question typed without diacritics", () => {
    expect(ask("co bao nhieu phuong co chi bo co quan").best?.text).toContain("12/20 phường");
  });

  it("answers an English question through the glossary", () => {
    const r = ask("How many party members are in the agency cells of townships?");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("177");
  });

  it("does not answer the date of one month's meeting with another month's", () => {
    const passages = ["Văn phòng Thị ủy tổng hợp kết quả, báo cáo tại hội nghị Ban Thường vụ Thị ủy thường kỳ tháng 12/2024."];
    // (The title's "21/10/2024" holds the question's "10": the number alone does not refuse it.)
    const title = "Thông báo số 214-TB/TU ngày 21/10/2024: Kết luận của Ban Thường vụ Thị ủy";
    expect(askAmong(passages, "Ban Thường vụ Thị ủy họp hội nghị thường kỳ tháng 10 vào ngày nào?", title).abstained).toBe(true);
    // (A month answers when, not which day: "ngày nào" of a meeting the text dates by its month is refused.)
    expect(askAmong(passages, "Văn phòng Thị ủy báo cáo kết quả tại hội nghị Ban Thường vụ Thị ủy vào thời gian nào?", title).abstained).toBe(false);
    expect(askAmong(passages, "Ban Thường vụ Thị ủy họp hội nghị thường kỳ tháng 12 vào ngày nào?", title).abstained).toBe(true);
  });

  it("reads a negation describing a date question's subject as description, not as asking what is not done", () => {
    const passages = ["Đối với các chi bộ nhiều năm không kết nạp được đảng viên, Ban Tổ chức Thị ủy xây dựng kế hoạch phân công cấp ủy viên giúp đỡ. Kế hoạch trình Ban Thường vụ Thị ủy trước ngày 15/11/2024."];
    const r = askAmong(passages, "Kế hoạch giúp đỡ các chi bộ nhiều năm không kết nạp được đảng viên phải trình Ban Thường vụ trước ngày nào?", "Thông báo kết luận");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("15/11/2024");
  });

  it("counts a lead line as the own text of the passage it opens, though it is also its items' context", () => {
    const lead = "Thành lập Chi bộ Trường Mầm non Hưng Thạch trực thuộc Đảng bộ xã Hưng Thạch, gồm 09 đảng viên (07 đảng viên chính thức, 02 đảng viên dự bị), cụ thể:";
    const passage = `${lead}\n- 05 đồng chí chuyển từ Chi bộ thôn Phú Hòa;\n- 04 đồng chí chuyển từ Chi bộ thôn Gò Mít.`;
    const s = new TermStats();
    s.add(passage);
    const r = extractAnswer(understandQuestion("Khi mới thành lập, Chi bộ Trường Mầm non Hưng Thạch có mấy đảng viên dự bị?"), [{ id: "p0", text: passage, context: `Điều 1. ${lead.replace(/:$/u, "")}`, title: "Quyết định số 58-QĐ/ĐU", rank: 0 }], s);
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("02 đảng viên dự bị");
  });

  it("reads the indicator a percentage question names, up to the place it is of", () => {
    expect(missingIndicator(understandQuestion("Tỷ lệ hộ cận nghèo của thị xã là bao nhiêu?"), "tỷ lệ hộ nghèo giảm còn 2,17%")).toBe("cận");
    expect(missingIndicator(understandQuestion("Tỷ lệ dân số tham gia bảo hiểm xã hội đạt bao nhiêu?"), "tỷ lệ dân số tham gia bảo hiểm y tế đạt 91,3%")).toBe("xã hội");
    expect(missingIndicator(understandQuestion("Tỷ lệ hộ nghèo thị xã Hòa Phong năm 2024 là bao nhiêu?"), "tỷ lệ hộ nghèo giảm còn 2,17%")).toBeNull();
    expect(missingIndicator(understandQuestion("Tỷ lệ người dân xã Hòa Bình tham gia bảo hiểm y tế năm 2025 đạt bao nhiêu?"), "tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,5%")).toBeNull();
  });

  it("finds a date for a 'ngày nào' question", () => {
    expect(ask("Kế hoạch số 87-KH/TU ban hành ngày nào?", [1, 0]).best?.text).toContain("17-11-2009");
  });

  it("does not take a year for the day a 'ngày nào' question asks (a cited document's date is not it either)", () => {
    const passages = ["Thực hiện Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ về khen thưởng trong công tác bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031."];
    expect(askAmong(passages, "Ngày bầu cử đại biểu Quốc hội khóa XVI và Hội đồng nhân dân các cấp là ngày nào?", "Kế hoạch thi đua").abstained).toBe(true);
    expect(askAmong(passages, "Nhiệm kỳ của Hội đồng nhân dân các cấp khóa XVI bắt đầu năm nào?", "Kế hoạch thi đua").abstained).toBe(false);
  });

  it("answers 'X do ai V?' only with a unit that says V: who directs a body is not who appoints it", () => {
    const passages = ["Thực hiện quy định mới, Tỉnh ủy chỉ đạo các ban của Tỉnh uỷ, Ban cán sự đảng UBND tỉnh, Đảng đoàn Liên đoàn Lao động tỉnh rà soát, sắp xếp các chi bộ."];
    expect(askAmong(passages, "Ban cán sự đảng UBND tỉnh do ai chỉ định?", "Báo cáo").abstained).toBe(true);
    expect(askAmong(passages, "Ban cán sự đảng UBND tỉnh do ai chỉ đạo rà soát các chi bộ?", "Báo cáo").abstained).toBe(false);
  });

  it("does not answer with a unit that only repeats the question (a list item restating the case asked about)", () => {
    const passages = ["Những trường hợp sau đây, cấp uỷ cấp dưới phải báo cáo và được cấp uỷ cấp trên trực tiếp đồng ý mới được thực hiện:\n- Lập đảng bộ cơ sở trong đơn vị cơ sở chưa đủ ba mươi đảng viên.\n- Lập chi bộ trực thuộc đảng uỷ bộ phận."];
    const answer = askAmong(passages, "Muốn lập đảng bộ cơ sở ở đơn vị cơ sở chưa đủ ba mươi đảng viên thì cần điều kiện gì?", "Điều lệ Đảng");
    expect(answer.abstained ? "" : (answer.best?.text ?? "")).not.toMatch(/^- Lập đảng bộ cơ sở/u);
  });

  it("does not answer a minimum asked with a maximum stated, nor the other way round", () => {
    const passages = ["Thời hạn nộp hồ sơ, tài liệu vào lưu trữ hiện hành tối đa là 1 năm, tính từ năm kết thúc công việc."];
    expect(askAmong(passages, "Hồ sơ, tài liệu phải nộp vào lưu trữ hiện hành tối thiểu bao nhiêu năm?", "Quy định").abstained).toBe(true);
    expect(askAmong(passages, "Hồ sơ, tài liệu phải nộp vào lưu trữ hiện hành tối đa bao nhiêu năm?", "Quy định").best?.text).toContain("tối đa là 1 năm");
  });

  it("matches an abbreviation in the document against the full form in the question", () => {
    expect(ask("Toàn tỉnh có bao nhiêu tổ chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước?", [1, 0]).best?.text).toContain("59 TCCSĐ");
  });

  it("picks the enumerated item an ordinal asks for", () => {
    expect(ask("Kinh nghiệm thứ tư là gì?", [3, 2]).best?.text).toMatch(/^Bốn là/);
  });

  it("offsets point at the answering unit inside the passage", () => {
    const r = ask("Có bao nhiêu thị trấn có chi bộ cơ quan?");
    const passage = PASSAGES[0] ?? "";
    expect(passage.slice(r.best?.start, r.best?.end)).toContain("8/12 thị trấn");
  });

  it("abstains when the question's key terms are not in the passages", () => {
    const r = ask("Ai là tác giả của Truyện Kiều?");
    expect(r.abstained).toBe(true);
    expect(r.reason).toMatch(/not covered/);
  });

  it("abstains when the question names a year the passages never mention", () => {
    expect(ask("Năm 2020 có bao nhiêu xã có chi bộ cơ quan?").abstained).toBe(true);
  });

  it("abstains when a count is asked but the passage states none", () => {
    const r = extractAnswer(understandQuestion("Có bao nhiêu chi bộ vững mạnh?"), candidates([3]), stats());
    expect(r.abstained).toBe(true);
  });
});

describe("compounds", () => {
  it("finds a compound at each place a syllable is typed (\"đảng viên … sinh viên\"), never one closed by a negation", () => {
    const counts: Record<string, number> = { dang_vien: 9, sinh_vien: 4, hop_khong: 3, ly_do: 5 };
    const pairsOf = (question: string) => {
      const plan = understandQuestion(question);
      return findCompounds(plan.terms, (bigram) => counts[bigram] ?? 0).map(([a, b]) => `${plan.terms[a]?.fold} ${plan.terms[b]?.fold}`);
    };
    expect(pairsOf("Đảng viên là sinh viên đóng đảng phí mỗi tháng bao nhiêu?")).toEqual(["dang vien", "sinh vien"]);
    expect(pairsOf("Đảng viên nào vắng họp không có lý do?")).toEqual(["dang vien"]);
  });

  it("does not answer a question about students from a passage that only has \"sinh hoạt\"", () => {
    const passages = ["Đảng viên đóng đảng phí hằng tháng tại kỳ sinh hoạt chi bộ.", "Đảng viên là học sinh, sinh viên đóng 3.000 đồng/tháng."];
    const s = new TermStats();
    for (const p of passages) s.add(p);
    const plan = checkSpelling(understandQuestion("Đảng viên đang là sinh viên thì đóng đảng phí mỗi tháng bao nhiêu?"), s, (bigram) => ({ dang_vien: 9, sinh_vien: 4, sinh_hoat: 4, dang_phi: 3 })[bigram] ?? 0);
    const result = extractAnswer(plan, passages.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Hướng dẫn về đảng phí", rank })), s);
    expect(result.best?.text).toContain("3.000 đồng");
  });

  it("reads a three-syllable name whose pairs the corpus uses as often by its later pair: \"Ban Thường vụ Huyện ủy\" has no \"vụ Huyện\"", () => {
    const plan = understandQuestion("Ban Thường vụ Huyện ủy họp mấy lần?");
    // Every pair of the name as often as the next ("Ban Thường vụ Huyện ủy" said whole each time).
    const counts: Record<string, number> = { ban_thuong: 9, thuong_vu: 9, vu_huyen: 9, huyen_uy: 9 };
    const pairs = findCompounds(plan.terms, (bigram) => counts[bigram] ?? 0).map(([a, b]) => `${plan.terms[a]?.fold} ${plan.terms[b]?.fold}`);
    expect(pairs).toEqual(["thuong vu", "huyen uy"]);
  });

  it("finds a compound only where its accented syllables stand together (\"cơ quan Ủy ban\" is no \"Quân ủy\")", () => {
    const passages = ["Các cơ quan Ủy ban nhân dân huyện cử 4 ủy viên tham gia đoàn kiểm tra.", "Quân ủy huyện cử 3 ủy viên tham gia đoàn kiểm tra."];
    const extract = (among: readonly string[]) => {
      const s = new TermStats();
      for (const p of passages) s.add(p);
      const plan = checkSpelling(understandQuestion("Quân ủy huyện cử bao nhiêu ủy viên tham gia đoàn kiểm tra?"), s, (bigram) => (bigram === "quan_uy" ? 5 : 0));
      return extractAnswer(plan, among.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Báo cáo", rank })), s);
    };
    expect(extract(passages).best?.text).toContain("3 ủy viên");
    expect(extract(passages.slice(0, 1)).abstained).toBe(true);
  });
});

describe("lists", () => {
  it("prefers the unit that announces the list a \"những X nào\" question asks for", () => {
    const passages = [
      "Kế hoạch áp dụng khen thưởng kịp thời, đúng người, đúng việc cho tập thể, cá nhân có thành tích xuất sắc, tiêu biểu.",
      "Các hình thức khen thưởng bao gồm: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; Giấy khen của Giám đốc Sở.",
    ];
    expect(askAmong(passages, "Kế hoạch áp dụng những hình thức khen thưởng nào?", "Kế hoạch thi đua").best?.text).toContain("Bằng khen");
  });
});

describe("falling back to a lower unit", () => {
  it("does not answer with a unit far below the top one when the top one misses the coverage bar", () => {
    const passages = [
      "Kế hoạch áp dụng khen thưởng kịp thời, đúng người, đúng việc cho tập thể, cá nhân có thành tích xuất sắc, tiêu biểu.",
      "Các hình thức khen thưởng bao gồm: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; Giấy khen của Giám đốc Sở.",
    ];
    const s = new TermStats();
    for (const p of passages) s.add(p);
    const extract = (fallbackScoreGap: number) =>
      extractAnswer(understandQuestion("Kế hoạch áp dụng những hình thức khen thưởng nào?"), passages.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Kế hoạch thi đua", rank })), s, withPolicy({ minCoverage: 0.65, fallbackScoreGap }));
    expect(extract(2).abstained).toBe(true);
    expect(extract(4).best?.passageId).toBe("p0");
  });
});

describe("sources", () => {
  it("cites a statement from the official document rather than from a text that quotes it", () => {
    const quoted = "Theo Điều lệ, người giới thiệu phải là đảng viên chính thức và cùng công tác với người vào Đảng ít nhất một năm.";
    const charter = "Người giới thiệu phải là đảng viên chính thức và cùng công tác với người vào Đảng ít nhất một năm.";
    const s = new TermStats();
    for (const p of [quoted, charter]) s.add(p);
    const candidates = [
      { id: "wiki#1", text: quoted, context: "", title: "Đảng viên", rank: 0 },
      { id: "charter#5", text: charter, context: "Điều 4", title: "Điều lệ Đảng", rank: 1, isOfficial: true },
    ];
    const question = understandQuestion("Người giới thiệu phải cùng công tác với người vào Đảng ít nhất bao lâu?");
    expect(extractAnswer(question, candidates, s).best?.passageId).toBe("charter#5");
    // Another statement is not a copy: the better answer stays first.
    const other = [{ ...candidates[0]!, text: "Người giới thiệu phải cùng công tác với người vào Đảng ít nhất một năm." }, { ...candidates[1]!, text: "Chi bộ xét kết nạp người vào Đảng theo đề nghị của người giới thiệu." }];
    expect(extractAnswer(question, other, s).best?.passageId).toBe("wiki#1");
  });

  it("cites the official document when a text restates it in other words, as fully and nearly as well (officialPreference)", () => {
    const restated = "Năm 2021, Bộ Chính trị chỉ định Đảng ủy Công an Trung ương nhiệm kỳ 2020–2025 gồm 27 người.";
    const charter = "Đảng uỷ Công an Trung ương do Bộ Chính trị chỉ định gồm một số Uỷ viên Ban Chấp hành Trung ương công tác trong Công an nhân dân và một số Uỷ viên Ban Chấp hành Trung ương công tác ngoài Công an nhân dân.";
    const s = new TermStats();
    for (const p of [restated, charter]) s.add(p);
    const candidates = [
      { id: "wiki#8", text: restated, context: "", title: "Lực lượng vũ trang", rank: 0 },
      { id: "charter#124", text: charter, context: "Chương VI › Điều 27", title: "Điều lệ Đảng", rank: 1, isOfficial: true },
    ];
    const question = understandQuestion("Cơ quan nào chỉ định Đảng ủy Công an Trung ương?");
    const cited = (officialPreference: number) => extractAnswer(question, candidates, s, withPolicy({ officialPreference })).best?.passageId;
    expect(cited(0)).toBe("wiki#8");
    expect(cited(1)).toBe("charter#124");
  });
});

describe("counts", () => {
  it("reads no count in an article number, nor across a bracket or a dash (\"(Điều 12, 13, 14): - Đồng chí …\")", () => {
    const question = "Có bao nhiêu người được giới thiệu ứng cử các chức danh kiêm nhiệm?";
    expect(askAmong(["Ban Thường vụ giới thiệu 14 đồng chí ứng cử các chức danh kiêm nhiệm."], question, "Hướng dẫn").best?.text).toContain("14 đồng chí");
    expect(askAmong(["Ban Thường vụ giới thiệu ứng cử các chức danh kiêm nhiệm (Điều 12, 13, 14): - Đồng chí Nguyễn Văn A, Chủ nhiệm Ủy ban."], question, "Hướng dẫn").abstained).toBe(true);
    expect(askAmong(["Ban Thường vụ giới thiệu ứng cử các chức danh kiêm nhiệm theo Điều 12 đối với đồng chí Nguyễn Văn A."], question, "Hướng dẫn").abstained).toBe(true);
  });
});

describe("negated questions", () => {
  const question = "Loại văn bản nào không được lấy ý kiến qua hệ thống?";
  const serves = "Hệ thống phục vụ việc lấy ý kiến đối với các loại dự thảo văn bản của cơ quan.";

  it("refuses a passage that negates nothing for a question about what is not done", () => {
    expect(askAmong([serves], question, "Quy chế").abstained).toBe(true);
    expect(askAmong([serves, "Không lấy ý kiến qua hệ thống đối với văn bản mật."], question, "Quy chế").best?.text).toContain("văn bản mật");
  });

  it("reads a bound (\"không quá\") and a yes/no question's closing \"không\" as no negation", () => {
    expect(askAmong(["Mỗi chi bộ cử tối đa 02 đảng viên dự lớp bồi dưỡng."], "Mỗi chi bộ cử không quá bao nhiêu đảng viên dự lớp bồi dưỡng?", "Kế hoạch").best?.text).toContain("02 đảng viên");
    expect(askAmong(["Văn bản mật được lấy ý kiến qua hệ thống riêng."], "Văn bản mật có được lấy ý kiến qua hệ thống không?", "Quy chế").abstained).toBe(false);
  });

  it("reads \"không\" before a comma as a yes/no question's particle (\"có … không, tên là gì?\")", () => {
    const unit = "Năm 2025 chi bộ kết nạp 03 đảng viên mới.";
    expect(missesNegation(understandQuestion("Năm 2025 chi bộ có kết nạp đảng viên mới không, bao nhiêu đồng chí?"), unit)).toBe(false);
    expect(missesNegation(understandQuestion("Năm 2025 chi bộ nào không kết nạp đảng viên mới?"), unit)).toBe(true);
    expect(askAmong([unit], "Năm 2025 chi bộ có kết nạp đảng viên mới không, bao nhiêu đồng chí?", "Báo cáo").best?.text).toContain("03 đảng viên mới");
  });

  it("reads a word that only folds like a negation (\"sửa chữa\") as none, and one typed without marks as one", () => {
    const repair = "Sửa chữa, chống thấm 04 phòng học dãy nhà B với kinh phí 85 triệu đồng từ nguồn chi thường xuyên.";
    expect(askAmong([repair], "Việc sửa chữa phòng học tốn bao nhiêu tiền?", "Biên bản").best?.text).toContain("85 triệu đồng");
    expect(askAmong([serves], "Loai van ban nao khong duoc lay y kien qua he thong?", "Quy chế").abstained).toBe(true);
  });
});

describe("durations", () => {
  it("reads no duration into a date (\"ngày 26 tháng 4 năm 2011\")", () => {
    const question = "Đảng viên bị kỷ luật khiển trách thì sau bao lâu mới được bầu vào cấp ủy?";
    expect(askAmong(["Đảng viên bị kỷ luật khiển trách, sau 6 tháng mới được bầu vào cấp ủy."], question, "Quy định").best?.text).toContain("6 tháng");
    expect(askAmong(["Theo Hướng dẫn số 01-HD/UBKTTW ngày 26 tháng 4 năm 2011, đảng viên vi phạm bị kỷ luật khiển trách và không được bầu vào cấp ủy."], question, "Quy định").abstained).toBe(true);
  });
});

describe("synonyms", () => {
  it("finds a word through a synonym phrase only where the whole phrase stands (\"sinh hoạt\", not the \"hoạt\" of \"hoạt động\")", () => {
    expect(askAmong(["Hội đồng sinh hoạt vào tháng 3 hằng năm."], "Hội đồng họp vào tháng nào?", "Quy chế").best?.text).toContain("tháng 3");
    expect(askAmong(["Hội đồng hoạt động từ tháng 3 năm 2020."], "Hội đồng họp vào tháng nào?", "Quy chế").abstained).toBe(true);
  });

  it("reads \"không dưới\" as \"tối thiểu\"", () => {
    const passages = ["Hết nhiệm kỳ, chi bộ nộp sổ về văn phòng đảng ủy cơ sở để lưu trữ, thời hạn lưu trữ không dưới 10 năm.", "Sổ biên bản được lưu giữ tại chi bộ trong suốt nhiệm kỳ."];
    const r = askAmong(passages, "Sổ biên bản phải lưu trữ tối thiểu bao lâu?", "Quy định");
    expect(r.abstained ? r.reason : r.best?.text).toContain("10 năm");
  });

  it("reads \"không vượt quá\" as \"tối đa\"", () => {
    const passages = ["Tiền mặt đảng phí tồn quỹ tại chi bộ không vượt quá 3.000.000 đồng.", "Chi bộ nộp đảng phí lên cấp trên hằng quý."];
    const r = askAmong(passages, "Quỹ tiền mặt đảng phí để tại chi bộ được giữ tối đa bao nhiêu?", "Hướng dẫn");
    expect(r.abstained ? r.reason : r.best?.text).toContain("3.000.000 đồng");
  });
});

describe("trimming long answers", () => {
  it("keeps the purpose a \"để làm gì\" question asks for, though the words it shares come earlier", () => {
    const unit = "Đối với các chi bộ thôn, buôn có ít đảng viên, đảng ủy cơ sở rà soát lập danh sách những quần chúng ưu tú đã học lớp nhận thức về Đảng, những quần chúng sẽ cử đi học, những quần chúng ưu tú có khả năng kết nạp trong thời gian tới để có hướng tập trung chỉ đạo bồi dưỡng kết nạp quần chúng vào Đảng.";
    expect(trimAnswer(unit, understandQuestion("Đảng ủy cơ sở lập danh sách quần chúng ưu tú ở các chi bộ thôn, buôn ít đảng viên để làm gì?"))).toContain("bồi dưỡng kết nạp");
  });

  it("keeps the window that counts the noun asked, not one with another number", () => {
    const unit = "Công dân Việt Nam từ mười tám tuổi trở lên; thừa nhận và tự nguyện: thực hiện Cương lĩnh chính trị, Điều lệ Đảng, tiêu chuẩn và nhiệm vụ đảng viên, hoạt động trong một tổ chức cơ sở đảng; qua thực tiễn chứng tỏ là người ưu tú, được nhân dân tín nhiệm, đều có thể được xét để kết nạp vào Đảng.";
    expect(trimAnswer(unit, understandQuestion("Công dân phải từ bao nhiêu tuổi mới được xét kết nạp vào Đảng?"), 160)).toContain("mười tám tuổi");
  });

  it("cuts a long sentence of facts separated by semicolons at the fact asked", () => {
    const unit =
      "Đảng ủy lãnh đạo hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025 với tốc độ tăng trưởng đạt 8,2%; thu nhập bình quân đầu người đạt 62 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,1%; tổ chức thành công đại hội đảng bộ xã nhiệm kỳ 2025 - 2030 và bầu 15 đồng chí vào Ban Chấp hành; tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,5%.";
    expect(trimAnswer(unit, understandQuestion("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2025 đạt bao nhiêu?"))).toContain("bảo hiểm y tế đạt 94,5%");
  });

  it("shows a window that ends its unit a few words past the limit to its end, where its figure is", () => {
    const unit =
      "Theo đó, cán bộ, công chức cấp xã dôi dư nghỉ hưu trước tuổi hoặc nghỉ thôi việc được hỗ trợ thêm 5 triệu đồng cho mỗi năm công tác có đóng bảo hiểm xã hội bắt buộc; nếu nghỉ trong 12 tháng đầu kể từ ngày nghị quyết sắp xếp có hiệu lực thì được hưởng thêm 20% mức hỗ trợ.";
    const out = trimAnswer(unit, understandQuestion("Cán bộ, công chức cấp xã dôi dư nghỉ thôi việc trong 12 tháng đầu thì được hưởng thêm bao nhiêu?"));
    expect(out).toContain("20% mức hỗ trợ");
    expect(out.length).toBeLessThanOrEqual(250 + 40);
  });

  it("keeps answers within 250 characters and marks cuts", () => {
    const long = `Huyện ủy Krông Bông có chủ trương hỗ trợ kinh phí hằng tháng cho những đảng viên ở chi bộ cơ quan xã tăng cường xuống làm bí thư chi bộ các thôn, buôn vùng sâu, xa trung tâm, tạo điều kiện cho đảng viên bám sát địa bàn, tham gia sinh hoạt với các tổ chức thôn, buôn, kịp thời nắm bắt và tháo gỡ những vấn đề nảy sinh từ cơ sở, góp phần đẩy mạnh công tác phát triển đảng viên.`;
    const out = trimAnswer(long, understandQuestion("Huyện ủy Krông Bông hỗ trợ kinh phí hằng tháng cho ai?"));
    expect(out.length).toBeLessThanOrEqual(250);
    expect(out).toContain("chi bộ cơ quan xã tăng cường");
    expect(out.endsWith("…")).toBe(true);
  });

  it("answers a list question from the unit whose subject announces the list (\"gồm\" written \"bao gồm\")", () => {
    const passages = [
      "Hồ sơ đảng viên được lập, bổ sung, quản lý theo quy định.",
      "Hồ sơ đảng viên bao gồm lý lịch đảng viên và phiếu đảng viên.",
    ];
    const r = askAmong(passages, "Hồ sơ đảng viên gồm những loại nào?", "Hướng dẫn");
    expect(r.best?.text).toContain("lý lịch đảng viên và phiếu đảng viên");
  });

  it("keeps the place a where-question asks for when it trims a long sentence", () => {
    const unit =
      "Ngày 28 tháng 11 năm 2025, tại Trụ sở Ủy ban, Phó Chủ tịch tỉnh Nguyễn Văn An đã chủ trì hội nghị sơ kết việc thực hiện chương trình chuyển đổi số của tỉnh trong giai đoạn 2021-2025 với sự tham dự của đại diện các sở ngành và địa phương trong toàn tỉnh cùng nhiều đại biểu khách mời đến từ các cơ quan trung ương và các tỉnh bạn trong khu vực Tây Nguyên và duyên hải miền Trung";
    const trimmed = trimAnswer(unit, understandQuestion("Hội nghị sơ kết chương trình chuyển đổi số do Phó Chủ tịch tỉnh chủ trì được tổ chức ở đâu?"), 220);
    expect(trimmed).toContain("tại Trụ sở Ủy ban");
    expect(trimmed).toContain("đã chủ trì hội nghị sơ kết");
  });

  it("does not take an English modifier (\"which earlier regulation\") for what the question is about", () => {
    const passages = ["Quy định này thay thế Quy định số 270-QĐ/TW ngày 06/12/2014 của Ban Bí thư.", "Tài liệu hình thành trước năm 2014 được chỉnh lý theo quy định của Ban Bí thư."];
    const r = askAmong(passages, "Which earlier regulation does this regulation replace?", "Quy định");
    expect(r.best?.text).toContain("270-QĐ/TW");
  });

  it("counts people of the kind asked in \"8 đảng viên là chủ doanh nghiệp\"", () => {
    const passages = ["Đến nay, toàn tỉnh đã kết nạp được 8 đảng viên là chủ doanh nghiệp tư nhân.", "Toàn tỉnh có 59 doanh nghiệp tư nhân có tổ chức đảng."];
    const r = askAmong(passages, "Toàn tỉnh đã kết nạp được bao nhiêu chủ doanh nghiệp tư nhân?", "Báo cáo");
    expect(r.best?.text).toContain("8 đảng viên là chủ doanh nghiệp");
    expect(r.abstained).toBe(false);
  });

  it("does not take a document number or a date for a ratio (\"135/2020/NĐ-CP\", \"31/12/2020\")", () => {
    const passages = ["Tuổi quy hoạch tính theo Nghị định số 135/2020/NĐ-CP ngày 31/12/2020 của Chính phủ đối với cán bộ nữ."];
    const r = askAmong(passages, "Tỷ lệ cán bộ nữ trong quy hoạch là bao nhiêu phần trăm?", "Hướng dẫn");
    expect(r.abstained).toBe(true);
  });

  it("counts what an English question counts, not its level (\"how many commune-level … cells\")", () => {
    const r = ask("How many commune-level agency party cells were there?");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("68/152");
  });

  it("counts a noun only where the whole noun follows the number (\"8 đảng viên\" counts no \"đảng bộ\")", () => {
    const passages = ["Đến nay Đảng bộ tỉnh đã kết nạp được 8 đảng viên là chủ doanh nghiệp tư nhân."];
    const r = askAmong(passages, "Tỉnh chọn bao nhiêu đảng bộ thí điểm kết nạp chủ doanh nghiệp tư nhân?", "Báo cáo");
    expect(r.abstained).toBe(true);
  });

  it("does not let a later sentence of the passage supply what the answering sentence lacks", () => {
    const passages = ["Năm 2025, huyện kết nạp 214 đảng viên mới. Công tác phát triển đảng viên trong doanh nghiệp tư nhân tiếp tục được các cấp ủy chú trọng."];
    const r = askAmong(passages, "Huyện có bao nhiêu đảng viên trong doanh nghiệp tư nhân?", "Báo cáo", ["Các chi bộ sinh hoạt đều đặn."]);
    expect(r.abstained).toBe(true);
  });

  it("answers an ordinal question only with the item of that number", () => {
    const passages = ["Rút kinh nghiệm từ thực tiễn chiến tranh, quân đội chú trọng huấn luyện.", "Ba là, xây dựng TCCSĐ và hệ thống chính trị ở cơ sở vững mạnh."];
    const r = askAmong(passages, "Kinh nghiệm thứ tư là gì?", "Bài viết");
    expect(r.abstained).toBe(true);
  });
});

describe("enumerated items", () => {
  it("opens the n-th item with its numeral, its ordinal or its number, and every such opening passes the cheap test", () => {
    const openings = (n: number): string[] => {
      const word = ["", "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười"][n] ?? String(n);
      const ordinal = n === 1 ? "nhất" : n === 4 ? "tư" : word.toLowerCase();
      return [`${word} là, tăng cường …`, `Thứ ${ordinal}, tăng cường …`, `THỨ ${ordinal.toUpperCase()}: …`, `${n}. Tăng cường …`, `${n}) Tăng cường …`];
    };
    for (let n = 1; n <= 25; n++) {
      for (const text of openings(n)) {
        expect(ordinalPattern(n).test(text)).toBe(true);
        expect(mayOpenItem(text)).toBe(true);
      }
    }
    expect(ordinalPattern(1).test("10. Mười là …")).toBe(false);
    for (const text of ["Tăng cường công tác kiểm tra", "- Một là …", "(1) Chi bộ …", "Bốn nhiệm vụ trọng tâm"]) expect(mayOpenItem(text)).toBe(false);
  });
});

describe("English questions about a congress's teams and a plenum's turnout", () => {
  const passages = [
    "2. Thành lập Tổ giúp việc đại hội gồm 05 đồng chí, do đồng chí Vi Thị Hồng, Trưởng Ban Tổ chức Đảng ủy Khối làm Tổ trưởng; đồng chí Mã Văn Tới, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối làm Tổ phó.",
    "Hội nghị quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII tổ chức ngày 12/3/2024 có 3.598 đảng viên tham dự, đạt 96,4%.",
    "Đảng ủy Khối tổ chức 12 hội nghị sơ kết, có 2.140 đảng viên tham gia.",
  ];
  it("answers who is deputy head of the support team from the team's 'Tổ phó'", () => {
    const r = askAmong(passages, "Who is the deputy head of the congress support team set up by the bloc party committee?", "Kế hoạch đại hội chi bộ");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("Mã Văn Tới");
  });
  it("answers the turnout at the 8th plenum's conference from 'lần thứ tám'", () => {
    const r = askAmong(passages, "What was the turnout at the conference on the resolution of the 8th Central Committee plenum?", "Báo cáo tổng kết");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("96,4%");
  });
});

describe("who is asked for, and where a meeting was held", () => {
  it("reads \"Đảng viên chính thức nào …\" as asking for a person, and \"Ai làm Trưởng ban …\" as asking the office's holder", () => {
    expect(understandQuestion("Đảng viên chính thức nào giới thiệu quần chúng Lường Thị Kim Oanh vào Đảng?").kind).toBe("who");
    expect(understandQuestion("Ai làm Trưởng ban kiểm phiếu trong cuộc họp chi bộ thôn Đồng Chằm xét kết nạp đảng viên?").roleAsked?.map((k) => k.fold)).toEqual(["truong", "ban"]);
    const passages = [
      "Hôm nay, Chi bộ thôn Đồng Chằm tiến hành họp để xét, đề nghị kết nạp quần chúng Lường Thị Kim Oanh vào Đảng Cộng sản Việt Nam.",
      "Chi bộ bầu Ban kiểm phiếu gồm 03 đồng chí, do đồng chí Lục Văn Sáng làm Trưởng ban.",
    ];
    const r = askAmong(passages, "Ai làm Trưởng ban kiểm phiếu trong cuộc họp chi bộ thôn Đồng Chằm xét kết nạp đảng viên?", "Biên bản họp Chi bộ thôn Đồng Chằm xét, đề nghị kết nạp đảng viên");
    expect(r.best?.text ?? r.reason).toContain("Lục Văn Sáng");
  });

  it("takes no window cut after the place its sentence gives as the answer to where", () => {
    const sentence = "Hôm nay, vào lúc 19 giờ 30 phút ngày 22 tháng 4 năm 2025, tại Nhà văn hóa thôn Đồng Chằm, xã Hòa Xuân Lâm, huyện Vĩnh Khê, tỉnh Hà Lâm, Chi bộ thôn Đồng Chằm tiến hành họp để xét, đề nghị kết nạp quần chúng Lường Thị Kim Oanh vào Đảng Cộng sản Việt Nam, với sự có mặt của 24 đồng chí.";
    const r = askAmong([sentence], "Where did the Đồng Chằm village party cell hold its meeting on admitting Lường Thị Kim Oanh?", "Biên bản họp chi bộ");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("Nhà văn hóa thôn Đồng Chằm");
    expect(cutsOffPlace(understandQuestion("Chi bộ họp ở đâu?"), "Chi bộ thôn Đồng Chằm tiến hành họp", "Hôm nay, tại Nhà văn hóa thôn Đồng Chằm, ")).toBe(true);
    // (A window naming its own place, or a question asking no place, is left alone.)
    expect(cutsOffPlace(understandQuestion("Chi bộ họp ở đâu?"), "họp tại Hội trường xã", "Hôm nay, tại Nhà văn hóa thôn, ")).toBe(false);
    expect(cutsOffPlace(understandQuestion("Chi bộ họp ngày nào?"), "Chi bộ thôn Đồng Chằm tiến hành họp", "Hôm nay, tại Nhà văn hóa thôn Đồng Chằm, ")).toBe(false);
  });

  it("counts no district's members by a table row about one of its organisations", () => {
    const rows = [
      "Tổ chức cơ sở đảng: Đảng bộ Trung tâm Y tế huyện; Số đảng viên (31/12/2025): 94; Bí thư cấp ủy: Đồng chí Quách Thị Ngân.",
      "Tổ chức cơ sở đảng: Chi bộ Ngân hàng Chính sách xã hội huyện; Số đảng viên (31/12/2025): 19; Bí thư cấp ủy: Đồng chí Cao Thị Thùy Dung.",
    ];
    const plan = understandQuestion("Tính đến 31/12/2025, toàn Đảng bộ huyện Vĩnh Khê có tổng cộng bao nhiêu đảng viên?");
    for (const row of rows) expect(countsNoun(plan, row)).toBe(false);
    // (The row of the organisation asked counts it.)
    expect(countsNoun(understandQuestion("Đảng bộ Trung tâm Y tế huyện có bao nhiêu đảng viên?"), rows[0] ?? "")).toBe(true);
  });

  it("reads a column of two counts (\"Số phiếu tán thành / có mặt: 11/12\") as a count of each part of its label", () => {
    const row = "Họ và tên: Võ Thị Ngọc Hân; Chức vụ: Phó Bí thư Chi bộ; Mức xếp loại đề xuất: Hoàn thành xuất sắc nhiệm vụ; Số phiếu tán thành / có mặt: 11/12.";
    expect(countsNoun(understandQuestion("Đồng chí Võ Thị Ngọc Hân được bao nhiêu phiếu tán thành?"), row)).toBe(true);
    // (A count the label does not name is not given by it.)
    expect(countsNoun(understandQuestion("Đồng chí Võ Thị Ngọc Hân được bao nhiêu phiếu không tán thành?"), row)).toBe(false);
    expect(countsNoun(understandQuestion("Đồng chí Võ Thị Ngọc Hân được bao nhiêu phiếu tán thành?"), "Họ và tên: Võ Thị Ngọc Hân; Ngày sinh: 11/12")).toBe(false);
  });
});

describe("the noun a count asks", () => {
  it("ends at 'sau' / 'trước' (after, before): 'mấy ngày sau hội nghị' counts days; a marked 'sáu' (six) is no such word", () => {
    const noun = (q: string): string | undefined => understandQuestion(q).countedNoun?.map((k) => k.fold).join(" ");
    expect(noun("Đảng viên nộp bài thu hoạch chậm nhất mấy ngày sau hội nghị?")).toBe("ngay");
    expect(noun("bao nhieu ngay truoc dai hoi phai gui bao cao")).toBe("ngay");
    expect(noun("Có bao nhiêu đảng viên trước đại hội?")).toBe("dang vien");
  });
});

describe("the result of a vote", () => {
  it("is answered only by a unit that gives a tally or its outcome, not by a date or a count of members", () => {
    const plan = understandQuestion("Kết quả biểu quyết của chi bộ về việc đề nghị kết nạp quần chúng Lê Thị Thu Hà vào Đảng ra sao?");
    expect(missingVoteResult(plan, "Hoàn thiện hồ sơ đề nghị kết nạp đảng viên đối với quần chúng Lê Thị Thu Hà, trình Đảng ủy xã trước ngày 10/10/2025.")).toBe(true);
    expect(missingVoteResult(plan, "Quần chúng Lê Thị Thu Hà được 02 đảng viên chính thức giới thiệu.")).toBe(true);
    expect(missingVoteResult(plan, "Chi bộ biểu quyết: 16/16 đồng chí có mặt tán thành đề nghị kết nạp quần chúng Lê Thị Thu Hà.")).toBe(false);
    expect(missingVoteResult(plan, "Số phiếu đồng ý kết nạp: 21 phiếu, đạt 95,45%.")).toBe(false);
    // (A question asking no vote is left alone.)
    expect(missingVoteResult(understandQuestion("Chi bộ đề nghị kết nạp quần chúng Lê Thị Thu Hà khi nào?"), "trình Đảng ủy xã trước ngày 10/10/2025")).toBe(false);
    const passages = ["Hoàn thiện hồ sơ đề nghị kết nạp đảng viên đối với quần chúng Lê Thị Thu Hà, trình Đảng ủy xã trước ngày 10/10/2025."];
    expect(askAmong(passages, "Kết quả biểu quyết của chi bộ về việc đề nghị kết nạp quần chúng Lê Thị Thu Hà vào Đảng ra sao?", "Biên bản họp chi bộ").reason).toMatch(/no result of the vote/u);
  });
});

describe("a place of the level asked", () => {
  it("'… tại tỉnh nào?' is answered only by a unit naming a province, directly or by its party committee", () => {
    const question = "Hội nghị toàn quốc tổng kết công tác văn phòng cấp ủy năm 2025 được tổ chức tại tỉnh nào?";
    const unnamed = ["Hội nghị toàn quốc tổng kết công tác văn phòng cấp ủy năm 2025 nhận được 16 tham luận của văn phòng các tỉnh ủy, thành ủy."];
    expect(askAmong(unnamed, question, "Báo cáo").reason).toMatch(/names no tinh/u);
    const named = ["Hội nghị toàn quốc tổng kết công tác văn phòng cấp ủy năm 2025 được tổ chức tại tỉnh Quảng Ninh, với 16 tham luận."];
    expect(askAmong(named, question, "Báo cáo").abstained).toBe(false);
    const byCommittee = ["Sáng 14/5, Huyện ủy Yên Lũng tổ chức hội nghị tổng kết 5 năm thực hiện Chỉ thị số 41-CT/TW về phát triển đảng viên."];
    expect(askAmong(byCommittee, "Hội nghị tổng kết 5 năm thực hiện Chỉ thị 41 về phát triển đảng viên do huyện nào tổ chức?", "Tin").abstained).toBe(false);
  });
});

describe("windows of a long list passage", () => {
  it("never join the end of one item to the start of the next: each item's fact stays its own", () => {
    const passage = [
      "Một số trường hợp cụ thể:",
      "- Đồng chí Nguyễn Văn Khải, Đảng ủy viên, Phó Chủ tịch Ủy ban nhân dân xã Vân Hội bị Ban Thường vụ Huyện ủy thi hành kỷ luật bằng hình thức cảnh cáo do thiếu trách nhiệm trong quản lý đất đai, để xảy ra vi phạm kéo dài.",
      "- Đồng chí Trần Thị Bích Loan, đảng viên Chi bộ Trường Trung học cơ sở Thạch Lũy, nguyên kế toán nhà trường, bị Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật bằng hình thức cảnh cáo do chi sai quy định 41,2 triệu đồng từ các khoản thu thỏa thuận của phụ huynh học sinh.",
      "- Đảng viên Vi Văn Thắm, Chi bộ thôn Nà Cọ, Đảng bộ xã Thạch Lũy bị khai trừ ra khỏi Đảng do bị khởi tố về hành vi tổ chức đánh bạc.",
    ].join("\n");
    const r = askAmong([passage], "dang vien vi van tham chi bo thon na co bi ky luat hinh thuc gi, vi sao", "Báo cáo công tác kiểm tra, giám sát");
    expect(r.abstained).toBe(false);
    expect(r.best?.text).toContain("khai trừ");
    expect(r.best?.text).not.toContain("cảnh cáo");
  });
});

describe("the office of another level's committee", () => {
  it("'Ai là Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy …?' is not answered by the Tỉnh ủy's Phó Chủ nhiệm", () => {
    const question = "Ai là Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Bình Nhạn?";
    const other = ["Dự hội nghị có đồng chí Lò Thị Hạnh, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Tây Hằng; các đồng chí trong Ban Thường vụ Huyện ủy, Ủy ban Kiểm tra Huyện ủy Bình Nhạn."];
    expect(askAmong(other, question, "Tin hội nghị").reason).toMatch(/pho chu nhiem of another body/u);
    const own = ["Dự hội nghị có đồng chí Lò Văn Hùng, Phó Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Bình Nhạn; các đồng chí trong Ban Thường vụ Huyện ủy."];
    expect(askAmong(own, question, "Tin hội nghị").abstained).toBe(false);
  });
});
