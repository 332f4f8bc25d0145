/**
 * The terminal chat's conversation, without I/O: each line typed goes to {@link ChatSession.handle},
 * which returns what to print. Lines are questions, commands (/help, /nguon, /nguonkhac, /quiz, /thoat),
 * small talk (answered with a greeting and sample questions), or, during a quiz, answers to it.
 */
import { askInConversation, understoodLine, type ConversationMemory } from "../qa/conversationMemory.js";
import type { AnswerResult, IndexInfo } from "../qa/engine.js";
import { pickQuiz } from "../quiz/pick.js";
import type { QuizBank, QuizQuestion } from "../quiz/types.js";
import { detectSmallTalk } from "../text/smallTalk.js";
import { foldKey } from "../text/normalize.js";
import { MORE_SOURCES_COMMAND, PLAIN, formatChatAnswer, formatHelp, formatMoreSources, formatSmallTalk, formatSources, sourceLine, type Style } from "./format.js";

/** What the session needs from the engine. */
export interface ChatDeps {
  ask(question: string): Promise<AnswerResult>;
  info(): IndexInfo;
  /** The quiz bank of the index in service. */
  quizBank(): QuizBank;
  /** Sample questions offered by /help and in reply to a greeting. */
  samples: readonly string[];
  /** A seed for each quiz (random in the app, fixed in tests). */
  quizSeed(): number;
  /** With it, a follow-up ("còn phường thì sao?") is read against the previous question. */
  conversations?: ConversationMemory;
}

/** The terminal chat is one conversation. */
const CONVERSATION_KEY = "terminal";

/** What to print for one line, and whether the chat ends. */
export interface ChatReply {
  text: string;
  done: boolean;
}

/** Questions a `/quiz` without a number asks, and the most one asks. */
export const CHAT_QUIZ_DEFAULT = 5;
export const CHAT_QUIZ_MAX = 20;

/** Commands that end the chat (typed alone; "thoát" without a slash too). */
const EXIT_WORDS = new Set(["exit", "quit", "thoat", "/exit", "/quit", "/thoat"]);
/** Commands that stop a quiz without leaving the chat. */
const STOP_QUIZ_WORDS = new Set(["/dung", "/dungquiz", "/stop"]);

interface QuizState {
  questions: QuizQuestion[];
  position: number;
  score: number;
}

/** The letter of option `i`: A, B, C… */
function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** One terminal conversation. */
export class ChatSession {
  private last: AnswerResult | null = null;
  private quiz: QuizState | null = null;

  constructor(
    private readonly deps: ChatDeps,
    private readonly style: Style = PLAIN,
  ) {}

  /** The prompt to show: a question mark, or the options' letters during a quiz. */
  get prompt(): string {
    const q = this.quiz?.questions[this.quiz.position];
    return q ? `Đáp án (${letter(0)}–${letter(q.options.length - 1)}): ` : "❓ ";
  }

  /** Handles one line typed (already trimmed of its line break). */
  async handle(raw: string): Promise<ChatReply> {
    const line = raw.trim();
    const key = foldKey(line);
    const command = key.split(/\s+/)[0] ?? "";
    if (line === "") return { text: "", done: false };
    if (EXIT_WORDS.has(key)) return { text: this.quiz ? `${this.endQuiz()}\nTạm biệt!` : "Tạm biệt!", done: true };
    if (this.quiz) return { text: this.quizAnswer(line, command), done: false };
    switch (command) {
      case "/help":
      case "/start":
      case "/huongdan":
        return { text: formatHelp(this.deps.samples, this.style), done: false };
      case "/moi":
        this.deps.conversations?.clear(CONVERSATION_KEY);
        return { text: "Câu hỏi mới: câu tiếp theo được hiểu độc lập.", done: false };
      case "/nguon":
        return { text: formatSources(this.deps.info(), this.style), done: false };
      case MORE_SOURCES_COMMAND:
      case "/nguon-khac":
        return { text: formatMoreSources(this.last, this.style), done: false };
      case "/quiz":
        return { text: this.startQuiz(line.split(/\s+/).slice(1)), done: false };
      default:
        if (command.startsWith("/")) return { text: `Không có lệnh ${command}. Gõ /help để xem các lệnh.`, done: false };
    }
    const smallTalk = detectSmallTalk(line);
    if (smallTalk) return { text: formatSmallTalk(smallTalk, this.deps.samples, this.style), done: false };
    const conversations = this.deps.conversations;
    if (!conversations) {
      this.last = await this.deps.ask(line);
      return { text: formatChatAnswer(this.last, this.style), done: false };
    }
    const { result, resolution } = await askInConversation((q) => this.deps.ask(q), conversations, CONVERSATION_KEY, line);
    this.last = result;
    const understood = understoodLine(resolution, result);
    return { text: `${understood ? `${this.style.muted(understood)}\n` : ""}${formatChatAnswer(result, this.style)}`, done: false };
  }

  /** `/quiz [N] [chủ đề]`: picks the questions and asks the first. */
  private startQuiz(args: string[]): string {
    const [first, ...topicWords] = args;
    let n = CHAT_QUIZ_DEFAULT;
    let topicParts = args;
    if (first !== undefined && /^\d+$/.test(first)) {
      n = Math.min(CHAT_QUIZ_MAX, Math.max(1, Number(first)));
      topicParts = topicWords;
    }
    const topic = topicParts.join(" ").trim();
    const bank = this.deps.quizBank();
    if (bank.questions.length === 0) return "Bộ tài liệu hiện tại chưa cho ra câu hỏi quiz nào (cần tài liệu có số liệu, mốc thời gian, danh sách).";
    const questions = pickQuiz(bank, { n, seed: this.deps.quizSeed(), ...(topic ? { topic } : {}) });
    if (questions.length === 0) return `Không có câu hỏi nào khớp chủ đề “${topic}”. Hãy thử từ khác, hoặc gõ /quiz để làm quiz về mọi chủ đề.`;
    this.quiz = { questions, position: 0, score: 0 };
    const intro = `Quiz: ${questions.length} câu${topic ? ` về “${topic}”` : ""}${questions.length < n ? ` (chỉ có ${questions.length} câu phù hợp)` : ""}. Gõ chữ cái của đáp án; /dung để dừng.`;
    return [this.style.heading(intro), "", this.askQuizQuestion()].join("\n");
  }

  private askQuizQuestion(): string {
    const state = this.quiz;
    const q = state?.questions[state.position];
    if (!state || !q) return "";
    return [`Câu ${state.position + 1}/${state.questions.length}: ${q.question}`, ...q.options.map((o, i) => `  ${letter(i)}. ${o}`)].join("\n");
  }

  /** A line typed during a quiz: an option's letter (or number), or /dung. */
  private quizAnswer(line: string, command: string): string {
    const state = this.quiz;
    const q = state?.questions[state.position];
    if (!state || !q) return "";
    if (STOP_QUIZ_WORDS.has(command)) return this.endQuiz();
    const chosen = /^[a-z]$/i.test(line) ? line.toUpperCase().charCodeAt(0) - 65 : /^\d+$/.test(line) ? Number(line) - 1 : -1;
    if (chosen < 0 || chosen >= q.options.length) return `Hãy gõ một chữ từ ${letter(0)} đến ${letter(q.options.length - 1)} (hoặc /dung để dừng quiz).`;
    const right = chosen === q.correct;
    if (right) state.score++;
    const verdict = right ? this.style.good("✅ Đúng!") : this.style.bad(`❌ Chưa đúng. Đáp án: ${letter(q.correct)}. ${q.options[q.correct] ?? ""}`);
    const lines = [verdict, q.explanation, this.style.muted(sourceLine(q.source))];
    state.position++;
    lines.push("", state.position < state.questions.length ? this.askQuizQuestion() : this.endQuiz());
    return lines.join("\n");
  }

  /** Ends the quiz and gives the score. */
  private endQuiz(): string {
    const state = this.quiz;
    this.quiz = null;
    if (!state) return "";
    const answered = Math.min(state.position, state.questions.length);
    return this.style.heading(`Kết quả quiz: ${state.score}/${answered} câu đúng${answered < state.questions.length ? ` (dừng sau ${answered}/${state.questions.length} câu)` : ""}.`);
  }
}
