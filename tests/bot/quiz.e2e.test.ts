/**
 * Quiz mode through the real app (startApp, as `npm start`) over real HTTP against the Bot API
 * emulator: polls checked against the quiz bank of the index, answers from several users scored,
 * results and leaderboard (also after a restart), topic filter, who may stop a quiz, junk arguments,
 * and the time-out (live, and for a quiz left running across a restart).
 */
import { join } from "node:path";
import type { Message, Poll } from "grammy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/index/store.js";
import { loadQuizBank } from "../../src/quiz/bank.js";
import { matchesTopic, questionsOnTopic } from "../../src/quiz/pick.js";
import type { QuizBank, QuizQuestion } from "../../src/quiz/types.js";
import { groupChat, privateChat, type RecordedCall, user, type UserChat } from "../../testing/botApiEmulator.js";
import { e2eSuite, type Exchange, expectValidHtml, type Workspace } from "./harness.js";

const ADMIN = user(1, { firstName: "Quản trị" });
const alice = user(101, { firstName: "Alice", lastName: "<Nguyễn>" });
const bob = user(102, { firstName: "Bob" });
const carol = user(103, { firstName: "Carol" });
const TITLE = "Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk";

let bank: QuizBank;
// One DATA_DIR for every bot of this file, so scores can be checked across restarts.
const env = (ws: Workspace): Record<string, string> => ({ ADMIN_IDS: String(ADMIN.id), DATA_DIR: join(ws.root, "quiz-data") });
const e2e = e2eSuite("bot-quiz", { env });

beforeAll(async () => {
  bank = loadQuizBank(await loadIndex(e2e.ws.indexDir, { efSearch: 100 }));
});

/** Restarts the bot on the same data folder, with `extraEnv` on top. */
async function restart(extraEnv: Record<string, string> = {}): Promise<void> {
  await e2e.start({ ...env(e2e.ws), ...extraEnv });
}

const say = (from: ReturnType<typeof user>, chat: UserChat, text: string): Promise<Exchange> => e2e.exchange(() => e2e.emulator.sendText(from, chat, text));
const vote = (from: ReturnType<typeof user>, pollId: string, option: number): Promise<Exchange> =>
  e2e.exchange(() => e2e.emulator.sendPollAnswer(from, pollId, [option]));

/** A poll the bot sent: the call, Telegram's poll, and the bank question it was made from. */
interface SentPoll {
  call: RecordedCall;
  poll: Poll;
  question: QuizQuestion;
}

function sentPolls(calls: readonly RecordedCall[]): SentPoll[] {
  return calls
    .filter((c) => c.method === "sendPoll" && c.ok)
    .map((call) => {
      const poll = (call.result as Message.PollMessage).poll;
      const text = poll.question.replace(/^Câu \d+\/\d+: /, "");
      // "Which of these is one of the seven…?" is asked with several option sets: options tell them apart.
      const options = JSON.stringify(poll.options.map((o) => o.text));
      const question = bank.questions.find((q) => q.question === text && JSON.stringify(q.options) === options);
      if (!question) throw new Error(`poll question not in the bank: ${poll.question}`);
      return { call, poll, question };
    });
}

const correctOf = (p: SentPoll): number => p.question.correct;
const wrongOf = (p: SentPoll): number => (p.question.correct + 1) % p.question.options.length;

describe("/quiz", () => {
  it("sends quiz polls whose correct option is the bank's, not anonymous, each citing its source", async () => {
    const group = groupChat(-1001000000001, "Lớp bồi dưỡng");
    const { outcome, calls, html } = await say(alice, group, "/quiz 3");
    expect(outcome).toBe("command");
    const [intro] = expectValidHtml(html);
    expect(intro).toContain("Quiz: 3 câu");
    expect(intro).toContain("10 phút");
    const polls = sentPolls(calls);
    expect(polls).toHaveLength(3);
    expect(new Set(polls.map((p) => p.question.id)).size).toBe(3);
    for (const [i, { call, poll, question }] of polls.entries()) {
      expect(call.params).toMatchObject({ chat_id: group.id, type: "quiz", is_anonymous: false, correct_option_ids: [question.correct] });
      expect(poll.question).toBe(`Câu ${i + 1}/3: ${question.question}`);
      // What Telegram stored: users are shown the bank's correct option.
      expect(poll.correct_option_ids).toEqual([question.correct]);
      expect(poll.is_anonymous).toBe(false);
      expect(poll.explanation?.length).toBeLessThanOrEqual(200);
      expect(poll.explanation).toContain(TITLE);
      expect(poll.explanation).toContain(question.source.location);
    }
    // Telegram's menu lists the quiz commands with Vietnamese descriptions.
    const menu = e2e.emulator.calls.find((c) => c.method === "setMyCommands" && c.ok && c.params.scope === undefined);
    const commands = (menu?.params.commands ?? []) as Array<{ command: string; description: string }>;
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(["quiz", "ketqua", "bangxephang", "dungquiz"]));
    expect(commands.find((c) => c.command === "dungquiz")?.description).toBe("Dừng quiz (người điều hành)");
  });

  it("works in a private chat too, with polls that are not anonymous", async () => {
    const { calls } = await say(carol, privateChat(carol), "/quiz 1");
    const [only] = sentPolls(calls);
    if (!only) throw new Error("no poll sent");
    expect(only.call.params).toMatchObject({ chat_id: carol.id, is_anonymous: false });
    // One poll, answered by its only player: the quiz ends at once with the results.
    const answered = await vote(carol, only.poll.id, correctOf(only));
    expect(answered.outcome).toBe("scored");
    expect(expectValidHtml(answered.html)[0]).toMatch(/^🏁 Kết quả quiz \(1 câu\)[^\n]*\n🥇 Carol: 1 đúng \/ 1 đã trả lời/);
  });

  it("filters by topic: every poll's question or passage is on the topic", async () => {
    const group = groupChat(-1001000000002, "Chi bộ quân sự");
    const topic = "chi bo quan su";
    const onTopic = questionsOnTopic(bank, topic);
    expect(onTopic.length).toBeGreaterThan(0);
    const { calls, html } = await say(bob, group, `/quiz 20 ${topic}`);
    const polls = sentPolls(calls);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.length).toBeLessThanOrEqual(Math.min(20, onTopic.length));
    for (const p of polls) expect(matchesTopic(p.question, topic)).toBe(true);
    expect(expectValidHtml(html)[0]).toContain(`về ${topic}`);
  });

  it("says plainly when no question matches the topic, naming no document", async () => {
    const group = groupChat(-1001000000003, "Nhóm chủ đề");
    const { outcome, calls, html } = await say(bob, group, "/quiz 3 abc <b>xyz</b>");
    expect(outcome).toBe("hint");
    expect(sentPolls(calls)).toEqual([]);
    const [text] = expectValidHtml(html);
    expect(text).toContain("Không có câu hỏi nào khớp chủ đề abc <b>xyz</b>");
    expect(text).toContain("/quiz để làm quiz về mọi chủ đề");
    expect(text).not.toContain(TITLE);
  });

  it("answers junk arguments with a clear message, lowers a count over 20, and refuses a second quiz", async () => {
    const group = groupChat(-1001000000004, "Nhóm thử");
    for (const junk of ["0", "-3", "2,5", "1.000"]) {
      const { outcome, calls, html } = await say(bob, group, `/quiz ${junk}`);
      expect(outcome).toBe("hint");
      expect(sentPolls(calls)).toEqual([]);
      expect(expectValidHtml(html)[0]).toContain(`Số câu ${junk} không hợp lệ: hãy dùng một số nguyên từ 1 đến 20.`);
    }
    const symbols = await say(bob, group, "/quiz ???");
    expect(expectValidHtml(symbols.html)[0]).toContain("Chủ đề cần có chữ hoặc số");

    const big = await say(bob, group, "/quiz 999");
    expect(big.outcome).toBe("command");
    expect(sentPolls(big.calls)).toHaveLength(20);
    expect(expectValidHtml(big.html)[0]).toContain("(Mỗi lượt tối đa 20 câu.)");

    const again = await say(alice, group, "/quiz");
    expect(again.outcome).toBe("hint");
    expect(sentPolls(again.calls)).toEqual([]);
    expect(again.html[0]).toContain("Đang có một quiz chưa kết thúc");

    expect(expectValidHtml((await say(bob, group, "/ketqua 5")).html)[0]).toContain("Lệnh /ketqua không cần tham số");
    await say(ADMIN, group, "/dungquiz");
  });
});

describe("scores", () => {
  const group = groupChat(-1001000000005, "Lớp đảng viên mới");
  let polls: SentPoll[] = [];

  it("scores two users' answers: /ketqua shows the standings, the last answer ends the quiz with the results", async () => {
    polls = sentPolls((await say(alice, group, "/quiz 4")).calls);
    expect(polls).toHaveLength(4);
    const [p1, p2, p3, p4] = polls as [SentPoll, SentPoll, SentPoll, SentPoll];

    // Bob answers the first poll before Alice races through all four, so the quiz waits for him.
    expect((await vote(bob, p1.poll.id, correctOf(p1))).outcome).toBe("scored");
    for (const p of polls) expect((await vote(alice, p.poll.id, correctOf(p))).outcome).toBe("scored");
    // A second vote by the same user changes nothing.
    expect((await vote(alice, p1.poll.id, wrongOf(p1))).outcome).toBe("ignored");
    await vote(bob, p2.poll.id, wrongOf(p2));
    await vote(bob, p3.poll.id, correctOf(p3));

    const standings = await say(carol, group, "/ketqua");
    const [running] = expectValidHtml(standings.html);
    expect(running).toContain("Kết quả tạm thời");
    expect(running).toContain("🥇 Alice <Nguyễn>: 4 đúng / 4 đã trả lời");
    expect(running).toContain("🥈 Bob: 2 đúng / 3 đã trả lời");

    const last = await vote(bob, p4.poll.id, wrongOf(p4));
    const [results] = expectValidHtml(last.html);
    expect(results).toContain("🏁 Kết quả quiz (4 câu): mọi người đã trả lời xong.");
    expect(results).toContain("🥇 Alice <Nguyễn>: 4 đúng / 4 đã trả lời\n🥈 Bob: 2 đúng / 4 đã trả lời");
    // The polls are closed so nobody answers in vain; a late answer is not counted.
    const stopped = last.calls.filter((c) => c.method === "stopPoll" && c.ok).map((c) => c.params.message_id);
    expect(stopped).toEqual(polls.map((p) => (p.call.result as Message).message_id));
    expect((await vote(carol, p1.poll.id, correctOf(p1))).outcome).toBe("ignored");

    const after = expectValidHtml((await say(carol, group, "/ketqua")).html)[0];
    expect(after).toContain("Kết quả quiz gần nhất (4 câu)");
    expect(after).toContain("🥈 Bob: 2 đúng / 4 đã trả lời");
  });

  it("keeps the leaderboard across a restart, and a quiz left running keeps counting", async () => {
    const board = await say(bob, group, "/bangxephang");
    const [before] = expectValidHtml(board.html);
    expect(before).toContain("🏆 Bảng xếp hạng quiz\n🥇 Alice <Nguyễn>: 4 câu đúng / 4 câu đã trả lời\n🥈 Bob: 2 câu đúng / 4 câu đã trả lời");

    const other = groupChat(-1001000000006, "Lớp học dở dang");
    const [open1, open2] = sentPolls((await say(alice, other, "/quiz 2")).calls) as [SentPoll, SentPoll];
    await vote(bob, open1.poll.id, correctOf(open1));

    await restart();
    expect((await say(bob, group, "/bangxephang")).html).toEqual(board.html);
    expect((await vote(alice, open2.poll.id, correctOf(open2))).outcome).toBe("scored");
    const standings = expectValidHtml((await say(alice, other, "/ketqua")).html)[0];
    expect(standings).toContain("Kết quả tạm thời");
    expect(standings).toContain("Alice <Nguyễn>: 1 đúng / 1 đã trả lời");
    expect(standings).toContain("Bob: 1 đúng / 1 đã trả lời");
    expect((await say(alice, other, "/quiz")).html[0]).toContain("Đang có một quiz chưa kết thúc");
  });

  it("shows a clear message when the chat has no scores yet", async () => {
    const empty = groupChat(-1001000000007, "Nhóm mới");
    expect(expectValidHtml((await say(bob, empty, "/bangxephang")).html)[0]).toBe("Chưa có ai ghi điểm quiz trong cuộc trò chuyện này. Gõ /quiz để bắt đầu.");
    expect((await say(bob, empty, "/ketqua")).html[0]).toContain("Chưa có quiz nào");
  });
});

describe("/dungquiz", () => {
  it("is refused to a member, and stops the quiz for a bot admin and for a chat administrator", async () => {
    const group = groupChat(-1001000000008, "Chi bộ 3");
    expect((await say(bob, group, "/dungquiz")).html[0]).toContain("Hiện không có quiz nào đang diễn ra");

    const first = sentPolls((await say(bob, group, "/quiz 2")).calls);
    const refused = await say(bob, group, "/dungquiz");
    expect(refused.outcome).toBe("refused");
    expect(refused.html).toEqual(["Xin lỗi, chỉ người điều hành (quản trị viên của nhóm hoặc của trợ lý) mới dừng được quiz. Bạn có thể gõ /ketqua để xem kết quả tạm thời."]);
    expect(refused.calls.some((c) => c.method === "stopPoll")).toBe(false);

    const byAdmin = await say(ADMIN, group, "/dungquiz");
    expect(byAdmin.outcome).toBe("command");
    expect(expectValidHtml(byAdmin.html)[0]).toMatch(/^⏹ Quiz đã dừng\. Kết quả \(2 câu\):\nChưa có ai trả lời\./);
    expect(byAdmin.calls.filter((c) => c.method === "stopPoll" && c.ok)).toHaveLength(first.length);

    await say(bob, group, "/quiz 2");
    e2e.emulator.setChatMemberStatus(group.id, carol.id, "administrator");
    const byChatAdmin = await say(carol, group, "/dungquiz");
    expect(byChatAdmin.calls.some((c) => c.method === "getChatMember" && c.params.user_id === carol.id)).toBe(true);
    expect(expectValidHtml(byChatAdmin.html)[0]).toContain("Quiz đã dừng");
    // The chat can start a new quiz right away.
    expect((await say(bob, group, "/quiz 1")).outcome).toBe("command");
  });
});

describe("time-out", () => {
  it("posts the results when the time is up, and ends a quiz left running across a restart", async () => {
    const leftOver = groupChat(-1001000000009, "Lớp bỏ dở");
    const [stale] = sentPolls((await say(alice, leftOver, "/quiz 2")).calls) as [SentPoll];
    await vote(alice, stale.poll.id, correctOf(stale));

    await restart({ QUIZ_TIMEOUT_MS: "1000" });
    await new Promise((r) => setTimeout(r, 1100));
    // The quiz from before the restart is over: the next command posts its results, later answers do not count.
    const ended = await say(bob, leftOver, "/ketqua");
    expect(expectValidHtml(ended.html)).toEqual([expect.stringMatching(/^⏰ Hết giờ! Kết quả quiz \(2 câu\):\n🥇 Alice <Nguyễn>: 1 đúng \/ 1 đã trả lời/)]);
    expect((await vote(bob, stale.poll.id, correctOf(stale))).outcome).toBe("ignored");

    const group = groupChat(-1001000000010, "Lớp hẹn giờ");
    const from = e2e.emulator.calls.length;
    const started = await say(alice, group, "/quiz 2");
    const polls = sentPolls(started.calls);
    expect(expectValidHtml(started.html)[0]).toContain("sau 1 giây");
    const posted = await e2e.emulator.waitFor((c) => c.method === "sendMessage" && c.ok && c.params.chat_id === group.id && String(c.params.text).includes("Hết giờ"), {
      fromIndex: from,
      timeoutMs: 5000,
    });
    expect(expectValidHtml([String(posted.params.text)])[0]).toContain("Chưa có ai trả lời.");
    await e2e.emulator.waitFor((c) => c.method === "stopPoll" && c.params.chat_id === group.id && c.params.message_id === (polls[1]?.call.result as Message).message_id, { fromIndex: from });
  });
});
