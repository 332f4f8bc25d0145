/**
 * Follow-up questions read against the previous question: substitutions, references, questions that
 * stand alone, and the memory that keeps conversations apart and forgets them after the timeout.
 */
import { describe, expect, it } from "vitest";
import { resolveFollowUp, type ConversationDocument, type ConversationTurn } from "../../src/qa/conversation.js";
import { askInConversation, ConversationMemory, understoodLine } from "../../src/qa/conversationMemory.js";
import type { AnswerResult } from "../../src/qa/engine.js";

const ARTICLE: ConversationDocument = { docId: "nq22", title: "Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk" };
const GUIDANCE: ConversationDocument = { docId: "hd45", title: "HƯỚNG DẪN MỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY" };

const REGULATION: ConversationDocument = { docId: "qd383", title: "Quy định số 383-QĐ/TW ngày 19/11/2025 của Ban Chấp hành Trung ương: Về Phông lưu trữ Đảng Cộng sản Việt Nam" };
const CONCLUSION: ConversationDocument = { docId: "kl07", title: "Kết luận số 07-KL/VPTW ngày 01/12/2025 của Văn phòng Trung ương Đảng tại Hội nghị toàn quốc công tác văn phòng" };

const after = (question: string, document: ConversationDocument | null = ARTICLE, answer: string | null = null): ConversationTurn[] => [{ question, document, answer, atMs: 0 }];
const read = (message: string, previous: string, document: ConversationDocument | null = ARTICLE, answer: string | null = null) => resolveFollowUp(message, after(previous, document, answer));

describe("substitution of an element of the previous question", () => {
  it.each([
    ["còn phường thì sao?", "Có bao nhiêu phường có chi bộ cơ quan?"],
    ["thế thị trấn thì sao", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["thị trấn?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["con phuong thi sao", "Có bao nhiêu phường có chi bộ cơ quan?"],
    ["the thi tran?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["and wards?", "Có bao nhiêu phường có chi bộ cơ quan?"],
  ])("replaces the administrative unit: %s", (message, expected) => {
    expect(read(message, "Có bao nhiêu xã có chi bộ cơ quan?")).toMatchObject({ kind: "substitution", question: expected });
  });

  it("keeps an English question English", () => {
    expect(read("what about towns?", "How many communes have agency party cells?").question).toBe("How many towns have agency party cells?");
    expect(read("and phường?", "How many communes have agency party cells?").question).toBe("How many wards have agency party cells?");
  });

  it("replaces a year, or adds one the question did not have", () => {
    expect(read("năm 2020 thì sao", "Năm 2015 có bao nhiêu đảng viên?").question).toBe("Năm 2020 có bao nhiêu đảng viên?");
    expect(read("năm 2020 thì sao", "Có bao nhiêu đảng viên?").question).toBe("Có bao nhiêu đảng viên năm 2020?");
  });

  it("replaces a place name, keeping its level when the follow-up gives none", () => {
    expect(read("còn huyện Ea Kar?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Ea Kar có bao nhiêu chi bộ?");
    expect(read("còn Ea Kar?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Ea Kar có bao nhiêu chi bộ?");
  });

  it("replaces an ordinal, an article number, an aspect and a named document", () => {
    expect(read("còn thứ ba?", "Kinh nghiệm thứ hai là gì?").question).toBe("Kinh nghiệm thứ ba là gì?");
    expect(read("còn Điều 6 thì sao?", "Điều 5 quy định gì?").question).toBe("Điều 6 quy định gì?");
    expect(read("còn quyền?", "Đảng viên có những nhiệm vụ gì?").question).toBe("Đảng viên có những quyền gì?");
    expect(read("còn Quy định 11-QĐi/TW?", "Chỉ thị số 35-CT/TW ban hành ngày nào?").question).toBe("Quy định 11-QĐi/TW ban hành ngày nào?");
  });

  it("does not take 'xã hội' (society) for a commune", () => {
    expect(read("xã hội thì sao", "Có bao nhiêu xã có chi bộ cơ quan?").question).not.toContain("Có bao nhiêu xã hội");
  });

  it("puts a list of units or bodies in place of one element", () => {
    expect(read("còn phường và thị trấn?", "Có bao nhiêu xã có chi bộ cơ quan?").question).toBe("Có bao nhiêu phường và thị trấn có chi bộ cơ quan?");
    expect(read("thế hội nghị tỉnh ủy?", "Ban Chấp hành Trung ương họp thường lệ bao lâu một lần?").question).toBe("Hội nghị tỉnh ủy họp thường lệ bao lâu một lần?");
    expect(read("the dang bo xa phuong dac khu", "Thời điểm tính tuổi quy hoạch cấp ủy cấp trên trực tiếp cơ sở nhiệm kỳ 2030-2035 là khi nào?").question).toBe(
      "Thời điểm tính tuổi quy hoạch cấp ủy đảng bộ xã phường đặc khu nhiệm kỳ 2030-2035 là khi nào?",
    );
  });

  it("replaces a run of bodies whole, or the one of them the new body shares a syllable with", () => {
    expect(read("con dang bo co so thi sao", "Hội nghị tỉnh ủy họp thường lệ bao lâu một lần?").question).toBe("Đảng bộ cơ sở họp thường lệ bao lâu một lần?");
    expect(read("còn huyện ủy?", "Ban thường vụ tỉnh ủy họp mấy lần một năm?").question).toBe("Ban thường vụ huyện ủy họp mấy lần một năm?");
  });

  it("carries the new element's qualifiers in place of the old one's", () => {
    expect(read("còn chi bộ công an?", "Có bao nhiêu chi bộ quân sự xã được thành lập?").question).toBe("Có bao nhiêu chi bộ công an xã được thành lập?");
    expect(read("And police party cells?", "By the end of 2013, how many commune-level military party cells had Dak Lak set up?").question).toBe(
      "By the end of 2013, how many commune-level police party cells had Dak Lak set up?",
    );
  });

  it("reads a level with words between 'cấp' and the unit as one element", () => {
    expect(read("còn cấp trên trực tiếp cơ sở?", "Thời điểm tính tuổi quy hoạch cấp ủy cấp cơ sở nhiệm kỳ 2030-2035 là khi nào?").question).toBe(
      "Thời điểm tính tuổi quy hoạch cấp ủy cấp trên trực tiếp cơ sở nhiệm kỳ 2030-2035 là khi nào?",
    );
  });

  it("keeps the typed preposition, or the level word, when a unit replaces a level", () => {
    const previous = "Ở lưu trữ lịch sử của Đảng cấp tỉnh, ai quyết định hủy tài liệu hết giá trị?";
    expect(read("còn ở Trung ương?", previous).question).toBe("Ở lưu trữ lịch sử của Đảng ở Trung ương, ai quyết định hủy tài liệu hết giá trị?");
    expect(read("thế còn Trung ương?", previous).question).toBe("Ở lưu trữ lịch sử của Đảng cấp Trung ương, ai quyết định hủy tài liệu hết giá trị?");
  });

  it("drops what described the replaced document or body", () => {
    expect(read("còn Quy định 11-QĐi/TW?", "Chỉ thị số 35-CT/TW của Bộ Chính trị về tiếp công dân ban hành ngày nào?").question).toBe("Quy định 11-QĐi/TW ban hành ngày nào?");
    expect(read("còn Ban Chấp hành Trung ương?", "Đại hội đại biểu toàn quốc của Đảng họp thường lệ bao lâu một lần?").question).toBe("Ban Chấp hành Trung ương họp thường lệ bao lâu một lần?");
  });

  it("replaces a form of discipline", () => {
    expect(read("còn khai trừ?", "Đảng viên bị kỷ luật cách chức thì bao lâu không được bầu vào cấp ủy?").question).toBe("Đảng viên bị kỷ luật khai trừ thì bao lâu không được bầu vào cấp ủy?");
  });

  it("puts a phrase of unknown words in place of what followed the same words in the previous question", () => {
    const previous = "Thời hạn nộp hồ sơ, tài liệu vào lưu trữ hiện hành tối đa là bao lâu?";
    expect(read("còn vào lưu trữ lịch sử?", previous).question).toBe("Thời hạn nộp hồ sơ, tài liệu vào lưu trữ lịch sử tối đa là bao lâu?");
    expect(read("thế tài liệu vĩnh viễn của Quân ủy Trung ương?", previous).question).toBe("Thời hạn nộp hồ sơ, tài liệu vĩnh viễn của Quân ủy Trung ương vào lưu trữ hiện hành tối đa là bao lâu?");
    expect(read("còn với tổ chức đảng?", "Điều lệ quy định những hình thức kỷ luật nào đối với đảng viên chính thức?").question).toBe("Điều lệ quy định những hình thức kỷ luật nào đối với tổ chức đảng?");
  });
});

describe("references to the previous document, place or unit", () => {
  it("names the cited document where a message says 'văn bản đó', 'it' or asks without a subject", () => {
    expect(read("văn bản đó ai ký?", "Hệ số quy hoạch là bao nhiêu?", GUIDANCE)).toMatchObject({ kind: "reference", question: "văn bản “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày” ai ký?" });
    expect(read("who signed it?", "What is the planning ratio?", GUIDANCE).question).toBe("who signed the document “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày”?");
    expect(read("ban hành ngày nào?", "Hệ số quy hoạch là bao nhiêu?", GUIDANCE)).toMatchObject({ kind: "fragment", question: "Văn bản “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày” ban hành ngày nào?" });
  });

  it("uses the document's number when the title has one of the kind named", () => {
    expect(read("nghị quyết này ban hành ngày nào", "Có bao nhiêu xã có chi bộ cơ quan?").question).toBe("Nghị quyết số 22 ban hành ngày nào");
  });

  it("prefers a document the previous question named by number, even when its answer cited none", () => {
    expect(read("kế hoạch đó về nội dung gì?", "Kế hoạch số 87-KH/TU ban hành ngày nào?", null).question).toBe("Kế hoạch số 87-KH/TU về nội dung gì?");
  });

  it("reads 'ở đó' as the units the previous question counted, and 'huyện đó' as the district it named", () => {
    expect(read("ở đó có bao nhiêu đảng viên?", "Có bao nhiêu thị trấn có chi bộ cơ quan?").question).toBe("ở thị trấn có chi bộ cơ quan có bao nhiêu đảng viên?");
    expect(read("huyện đó có bao nhiêu đảng viên?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Krông Bông có bao nhiêu đảng viên?");
  });

  it("names a document by its number when its title opens with it", () => {
    expect(read("văn bản này có hiệu lực từ khi nào?", "Phông lưu trữ gồm những gì?", REGULATION).question).toBe("Quy định số 383-QĐ/TW có hiệu lực từ khi nào?");
    expect(read("văn bản kết luận hội nghị đó do ai ký?", "Ban Tổ chức Hội nghị nhận được bao nhiêu tham luận?", CONCLUSION).question).toBe("Kết luận số 07-KL/VPTW do ai ký?");
  });

  it("writes the name without diacritics in a message typed without them", () => {
    expect(read("van ban do ban hanh ngay nao", "Phông lưu trữ gồm những gì?", REGULATION).question).toBe("Quy dinh so 383-QD/TW ban hanh ngay nao");
  });

  it("after 'which document?', reads 'vb đó' as the document the answer named", () => {
    const answer = "Quy định này thay thế Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về Phông lưu trữ Đảng Cộng sản Việt Nam.";
    expect(read("vb bị thay thế đó ban hành ngày nào?", "Quy định 383-QĐ/TW thay thế văn bản nào?", REGULATION, answer).question).toBe("Quy định số 270-QĐ/TW ban hành ngày nào?");
    expect(read("văn bản đó ban hành ngày nào?", "Quy định 383-QĐ/TW do ai ký?", REGULATION, answer).question).toBe("Quy định 383-QĐ/TW ban hành ngày nào?");
  });

  it("after 'ai ký?', reads 'đồng chí ấy' as the person the answer named, and leaves it when it named none", () => {
    const previous = "Hướng dẫn 45-HD/BTCTW do đồng chí nào ký?";
    expect(read("đồng chí ấy ký với chức vụ gì?", previous, GUIDANCE, "Người ký: Hoàng Đăng Quang (Phó Trưởng Ban Thường trực)").question).toBe("đồng chí Hoàng Đăng Quang ký với chức vụ gì?");
    expect(read("đồng chí ấy ký với chức vụ gì?", previous, GUIDANCE, null).kind).toBe("standalone");
  });

  it("reads 'those police cells' as the unit the previous English question named", () => {
    expect(read("Who sits in those police cells?", "By the end of 2013, how many commune-level military party cells had Dak Lak set up?").question).toBe("Who sits in the commune-level police party cells?");
  });

  it("gives a short question about signing the document the previous question named", () => {
    expect(read("ký thay mặt cơ quan nào?", "Quy định 383-QĐ/TW về Phông lưu trữ Đảng Cộng sản Việt Nam do ai ký?", REGULATION)).toMatchObject({
      kind: "fragment",
      question: "Quy định 383-QĐ/TW về Phông lưu trữ Đảng Cộng sản Việt Nam ký thay mặt cơ quan nào?",
    });
    expect(read("When was it issued?", "Quy định 383-QĐ/TW về Phông lưu trữ Đảng Cộng sản Việt Nam do ai ký?", REGULATION).question).toBe("When was Quy định 383-QĐ/TW issued?");
  });

  it("continues the previous question with a condition", () => {
    expect(read("nếu ít hơn thì sao?", "Chi bộ có từ bao nhiêu đảng viên chính thức trở lên thì bầu chi ủy?")).toMatchObject({
      kind: "fragment",
      question: "Chi bộ có từ bao nhiêu đảng viên chính thức trở lên thì bầu chi ủy, nếu ít hơn thì sao?",
    });
  });
});

describe("questions that stand on their own", () => {
  it.each(["Toàn tỉnh có bao nhiêu đảng bộ bộ phận?", "Đảng viên là gì?", "Nhiệm vụ của chi bộ", "co bao nhieu phuong co chi bo co quan", "Ai là tác giả của Truyện Kiều?"])("never merges %s", (message) => {
    expect(read(message, "Có bao nhiêu xã có chi bộ cơ quan?")).toEqual({ kind: "standalone", question: message });
  });

  it("does not read the Vietnamese 'ít' (few) as the English 'it'", () => {
    expect(read("nếu ít hơn thì sao?", "Chi bộ có từ bao nhiêu đảng viên thì bầu chi ủy?", GUIDANCE).question).not.toContain("Hướng dẫn");
  });

  it.each(["thế thì tốt quá cảm ơn bạn", "vậy à", "còn lại thì sao?"])("does not append words that replace nothing: %s", (message) => {
    expect(read(message, "Có bao nhiêu xã có chi bộ cơ quan?").kind).toBe("standalone");
  });

  it("asks as typed a message whose words could not all be placed", () => {
    const previous = "Thời điểm tính tuổi quy hoạch cấp ủy đảng bộ xã phường đặc khu nhiệm kỳ 2030-2035 là khi nào?";
    expect(read("còn Mặt trận Tổ quốc ở Trung ương nhiệm kỳ 2031-2036?", previous).kind).toBe("standalone");
  });

  it("does not take 'luật' in 'kỷ luật' for a law, nor a bare 'quan' in an accented message for 'quận'", () => {
    expect(read("quyết định kỷ luật đó có được khiếu nại không?", "Đảng viên bị kỷ luật được khiếu nại trong bao lâu?", REGULATION).kind).toBe("standalone");
    expect(read("còn cơ quan thì sao?", "Có bao nhiêu quận có chi bộ?").question).not.toContain("cơ quận");
  });

  it("answers everything on its own when there is no previous question", () => {
    expect(resolveFollowUp("còn phường thì sao?", [])).toEqual({ kind: "standalone", question: "còn phường thì sao?" });
  });
});

function fakeAnswer(question: string, document: ConversationDocument | null): AnswerResult {
  const citations = document ? [{ passageId: `${document.docId}#1`, docId: document.docId, title: document.title, location: "đoạn 1", passage: "…", highlight: null }] : [];
  return { question, answer: document ? "…" : null, abstained: document === null, citations, reason: null, ms: 1 };
}

describe("conversation memory", () => {
  const asked: string[] = [];
  const ask = async (q: string): Promise<AnswerResult> => {
    asked.push(q);
    return fakeAnswer(q, ARTICLE);
  };

  it("runs a three-turn dialog, then answers an unrelated full question on its own", async () => {
    const memory = new ConversationMemory({ ttlMs: 600_000, now: () => 0 });
    const turns = ["Có bao nhiêu xã có chi bộ cơ quan?", "còn phường thì sao?", "thị trấn?", "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?"];
    const read = [];
    for (const t of turns) read.push((await askInConversation(ask, memory, "chat", t)).resolution);
    expect(read.map((r) => r.question)).toEqual(["Có bao nhiêu xã có chi bộ cơ quan?", "Có bao nhiêu phường có chi bộ cơ quan?", "Có bao nhiêu thị trấn có chi bộ cơ quan?", "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?"]);
    expect(read.map((r) => understoodLine(r))).toEqual([null, "Hiểu là: Có bao nhiêu phường có chi bộ cơ quan?", "Hiểu là: Có bao nhiêu thị trấn có chi bộ cơ quan?", null]);
  });

  it("shows how a standalone question was read when the engine read it otherwise than typed", () => {
    const standalone = { kind: "standalone" as const, question: "tài liệu có đc để chung vs bản gốc ko?" };
    expect(understoodLine(standalone, { question: "tài liệu có được để chung với bản gốc không?" })).toBe("Hiểu là: tài liệu có được để chung với bản gốc không?");
    expect(understoodLine(standalone, { question: "Tài liệu có đc để chung vs bản gốc ko" })).toBeNull();
    expect(understoodLine(standalone, { question: "x", smallTalk: "greeting" })).toBeNull();
    expect(understoodLine(standalone)).toBeNull();
  });

  it("forgets a conversation once the timeout has passed since its last question", async () => {
    let nowMs = 0;
    const memory = new ConversationMemory({ ttlMs: 600_000, now: () => nowMs });
    await askInConversation(ask, memory, "chat", "Có bao nhiêu xã có chi bộ cơ quan?");
    nowMs = 599_999;
    expect((await askInConversation(ask, memory, "chat", "còn phường thì sao?")).resolution.kind).toBe("substitution");
    nowMs += 600_000;
    expect((await askInConversation(ask, memory, "chat", "thị trấn?")).resolution).toEqual({ kind: "standalone", question: "thị trấn?" });
    expect(memory.turns("chat")).toHaveLength(1);
  });

  it("keeps interleaved chats apart", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    await askInConversation(ask, memory, "b", "Kinh nghiệm thứ hai là gì?");
    expect((await askInConversation(ask, memory, "a", "còn phường thì sao?")).resolution.question).toBe("Có bao nhiêu phường có chi bộ cơ quan?");
    expect((await askInConversation(ask, memory, "b", "còn thứ ba?")).resolution.question).toBe("Kinh nghiệm thứ ba là gì?");
    expect((await askInConversation(ask, memory, "c", "thị trấn?")).resolution.kind).toBe("standalone");
  });

  it("starts afresh after clear (/moi), and remembers nothing when the timeout is 0", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(memory.clear("a")).toBe(true);
    expect((await askInConversation(ask, memory, "a", "còn phường thì sao?")).resolution.kind).toBe("standalone");
    const off = new ConversationMemory({ ttlMs: 0 });
    await askInConversation(ask, off, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(off.turns("a")).toEqual([]);
  });

  it("keeps at most maxTurns turns and maxConversations conversations", async () => {
    const memory = new ConversationMemory({ now: () => 0, maxTurns: 2, maxConversations: 2 });
    for (const q of ["Có bao nhiêu xã có chi bộ cơ quan?", "còn phường?", "thị trấn?"]) await askInConversation(ask, memory, "a", q);
    expect(memory.turns("a").map((t) => t.question)).toEqual(["Có bao nhiêu phường có chi bộ cơ quan?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"]);
    await askInConversation(ask, memory, "b", "x?");
    await askInConversation(ask, memory, "c", "y?");
    expect(memory.size).toBe(2);
    expect(memory.turns("a")).toEqual([]);
  });

  it("remembers the answer's text, so that a later message can point to what it named", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(async (q) => ({ ...fakeAnswer(q, GUIDANCE), answer: "Người ký: Hoàng Đăng Quang" }), memory, "a", "Hướng dẫn 45-HD/BTCTW do ai ký?");
    expect(memory.turns("a").at(-1)?.answer).toBe("Người ký: Hoàng Đăng Quang");
    expect((await askInConversation(ask, memory, "a", "đồng chí ấy giữ chức vụ gì?")).resolution.question).toBe("đồng chí Hoàng Đăng Quang giữ chức vụ gì?");
  });

  it("remembers the document cited before when a follow-up is not answered", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    await askInConversation(async (q) => fakeAnswer(q, null), memory, "a", "còn phường thì sao?");
    expect(memory.turns("a").at(-1)?.document).toEqual(ARTICLE);
  });
});

describe("messages that could not be sent back", () => {
  it("drops lone surrogates and leaves a long question's own 'its' alone", () => {
    const message = "Wha\udaa8t did the town party committee ask the town People's Committee to prioritise in its budget?";
    const read = resolveFollowUp(message, after("How many communes have agency party cells?"));
    expect(read.kind).toBe("standalone");
    expect(read.question).not.toMatch(/\p{Cs}/u);
  });
});
