/**
 * The question-answering engine: retrieval, extraction, citations. It holds the loaded index and can
 * swap in a new generation while questions are in flight (each question uses the generation it started
 * with). It never touches Telegram and never reads configuration itself. The bot and the terminal chat
 * see only its narrow surface, {@link QaService}; scripts and the app layer may use the whole class.
 */
import { HEADER_SECTION } from "../corpus/chunk.js";
import { formatLocation } from "../corpus/location.js";
import { loadIndex, type LoadedIndex, type StoredPassage } from "../index/store.js";
import { OFF_THREAD_MIN_PASSAGES } from "../index/vectorSearcher.js";
import { parseQuizBank, type QuizBankProblem } from "../quiz/bank.js";
import { buildQuizBank } from "../quiz/generate.js";
import type { QuizBank } from "../quiz/types.js";
import { extractAnswer, mayOpenItem, ordinalPattern, preparePassage, type CandidatePassage, type PassageAnswer } from "./answer.js";
import { expandTexting, isStopFold } from "../text/lexicon.js";
import { analyzeText } from "../text/analyze.js";
import { foldKey } from "../text/normalize.js";
import { detectSmallTalk, type SmallTalkKind } from "../text/smallTalk.js";
import { DEFAULT_POLICY, type AnswerPolicy } from "./policy.js";
import { documentNumberKey, documentReferenceText, personsNamed, understandQuestion, withPlacesNamedIn, type QueryPlan } from "./query.js";
import { alignScannedText } from "./scannedText.js";
import { rereadQuestion, withRestoredAccents, withToneSlipsRead } from "./restore.js";
import { checkSpelling, withCorrectedSpelling, type CheckedPlan } from "./spelling.js";
import { termIn, termSets } from "./termSets.js";
import { HybridRetriever, type RetrievedPassage } from "./retriever.js";
import type { AnswerFeatures } from "./verifier.js";
import { warmUpQuestions } from "./warmUp.js";

/** A passage of the index in service, as the engine hands it out. */
export type Passage = StoredPassage;

/** A cited passage. */
export interface Citation {
  passageId: string;
  docId: string;
  title: string;
  location: string;
  passage: string;
  /** Offsets of the answering sentence within `passage`, or null. */
  highlight: { start: number; end: number } | null;
}

/** The engine's answer to one question. */
export interface AnswerResult {
  question: string;
  answer: string | null;
  abstained: boolean;
  /** Best first. For an abstention, the closest passages (suggestions, not answers). */
  citations: Citation[];
  /** Why the engine abstained, if it did. */
  reason: string | null;
  /** Milliseconds spent answering, index already loaded. */
  ms: number;
  /** Set when the message was a greeting, a thank-you or a goodbye rather than a question. */
  smallTalk?: SmallTalkKind;
  /** What the verifier read of the answer chosen, when one passed the checks (for calibration and logs). */
  features?: AnswerFeatures;
  /**
   * Set on an abstention of the verifier's: the documents speak of what was asked, but the answer did not
   * clearly beat another passage's. Its citations are then the candidate answers' passages, best first.
   */
  uncertain?: true;
}

/** Passages that cite a document the question names, added to the candidates. */
const CITING_PASSAGES = 3;
/** How many passages the reference's own search looks through for those that carry its number. */
const CITING_POOL = 50;
/** Lexical hits, within the documents a question names, looked through for passages that qualify. */
const ASKED_DOCUMENT_POOL = 300;
/** Share of a question's weight a document's title must hold for the question to be read as about it. */
const TITLE_SHARE = 0.35;
/** Passages added from the documents a question's words name by their title. */
const TITLED_PASSAGES = 4;

/** Passages added that are the n-th item under a section the question names ("Kinh nghiệm thứ tư"). */
const ITEM_PASSAGES = 3;
/** Most passages of a person's section added beside the ranked ones (see personSectionPassages). */
const PERSON_SECTION_PASSAGES = 12;

/**
 * The other passages of a section headed by a person the question names in full ("### 4. Đồng chí Hồ Thị Mai
 * Lan" over "- Chức vụ: …", "- Theo dõi … Đảng bộ xã Phú Sa."), when a ranked passage is of that section: a
 * question about that person asks what one of them says, and the words that find it ("theo dõi xã nào") are
 * in every member's section alike.
 */
function personSectionPassages(persons: readonly string[][], hit: StoredPassage, index: LoadedIndex): StoredPassage[] {
  if (hit.context === "" || persons.length === 0) return [];
  const bigrams = termSets(hit.context).bigrams;
  if (!persons.some((name) => name.every((bigram) => bigrams.has(bigram)))) return [];
  const out: StoredPassage[] = [];
  for (const step of [-1, 1]) {
    for (let order = hit.order + step; out.length < PERSON_SECTION_PASSAGES; order += step) {
      const sibling = index.byId.get(`${hit.docId}#${order}`);
      if (!sibling || sibling.context !== hit.context) break;
      out.push(sibling);
    }
  }
  return out;
}

/** The header passage of a document (its formal header, quoted first), if it has one. */
function headerPassage(docId: string, index: LoadedIndex): StoredPassage | undefined {
  const first = index.byId.get(`${docId}#0`);
  return first?.section === HEADER_SECTION ? first : undefined;
}

/** Documents' folded title words, and for each word the positions of the documents whose title has it. */
interface DocumentTitles {
  docs: Array<{ docId: string; words: Set<string> }>;
  byWord: Map<string, number[]>;
}

/** A question understood and its passages retrieved (see `QaEngine.retrieve`). */
export interface RetrievedQuestion {
  plan: CheckedPlan;
  hits: RetrievedPassage[];
  /** How many of `hits` the retriever ranked (best first); the rest were added for documents the question names. */
  ranked: number;
  index: LoadedIndex;
}

/** Engine settings. */
export interface EngineOptions {
  /** HNSW search width set after every load; unset: the width measured at ingest. */
  efSearch?: number | undefined;
  /** Passages examined for an answer. */
  candidates: number;
  /** Citations returned. */
  maxCitations: number;
  /** Weights and thresholds of retrieval and answering. */
  policy: AnswerPolicy;
  /** Passages from which the vector search runs in a worker thread, beside the lexical search (see vectorSearcher.ts). */
  offThreadFrom: number;
  /**
   * Warm up after `open` returns instead of before, while no question is being answered (a step at a time,
   * between events), and longer on an index small enough to be analysed whole (see `warmUpWhileIdle`): for
   * a long-running server (the bot, the terminal chat), which then answers as soon as the index is
   * loaded. `warmedUp()` tells when it is done.
   */
  backgroundWarmUp: boolean;
}

/** Indexes up to this size have every passage analysed at start-up (a few ms per hundred passages). */
const PREPARE_ALL_MAX_PASSAGES = 5_000;
/** Passages analysed per step of the background warm-up (a few ms: a question waits no longer). */
const PREPARE_BATCH = 100;

/** Questions drawn from the corpus for the warm-up, and the time it may take at most. */
const WARM_UP_DRAWN = 60;
const WARM_UP_BUDGET_MS = 500;

/**
 * Questions drawn for the warm-up that goes on after start-up while the engine is idle (see
 * `EngineOptions.backgroundWarmUp`), and the answering time it may take at most: measured on the dev sets,
 * the first answers of an engine warmed by ~60 questions take 1.2× as long as after ~400 (mean 5.4 → 4.5 ms,
 * p95 11 → 9 ms), the JIT having compiled the paths real questions take.
 */
const BACKGROUND_WARM_UP_DRAWN = 400;
const BACKGROUND_WARM_UP_BUDGET_MS = 3000;
/** How often the background warm-up looks again while a question is being answered. */
const IDLE_POLL_MS = 5;

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { candidates: DEFAULT_POLICY.candidates, maxCitations: 3, policy: DEFAULT_POLICY, offThreadFrom: OFF_THREAD_MIN_PASSAGES, backgroundWarmUp: false };

/** Summary of what the engine serves. */
export interface IndexInfo {
  generation: string;
  builtAt: string;
  documents: Array<{ docId: string; title: string; path: string; passages: number }>;
  passages: number;
}

/** Vietnam time, written in full (two-digit day and month, four-digit year: "01:01 01/12/2026"). */
const VIETNAM_TIME = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" });

/** When the index was built, in Vietnam time as /nguon shows it; the stored text as is when it is no date. */
export function indexBuiltAt(info: Pick<IndexInfo, "builtAt">): string {
  return Number.isNaN(Date.parse(info.builtAt)) ? info.builtAt : VIETNAM_TIME.format(new Date(info.builtAt));
}

/** The quiz bank of the generation in service (see `QaEngine.quizBank`). */
export interface QuizBankReading {
  generation: string;
  bank: QuizBank;
  /** Why the stored bank was not (fully) usable: missing, of another version, or partly malformed. */
  problem: QuizBankProblem | null;
  /** True when the index had no usable bank and this one was built in memory from its passages. */
  isBuiltInMemory: boolean;
}

/**
 * What the bot and the terminal chat use of the engine: questions, passages and their neighbours, the
 * documents served, the quiz bank. Nothing of the loaded index itself, so they never depend on index/.
 */
export interface QaService {
  /** The index generation in service. */
  readonly generation: string;
  ask(question: string): Promise<AnswerResult>;
  passage(id: string): Passage | undefined;
  neighbours(id: string, radius?: number): Passage[];
  info(): IndexInfo;
  quizBank(): QuizBankReading;
}

export function toCitation(p: Passage, answer: PassageAnswer | null): Citation {
  return {
    passageId: p.id,
    docId: p.docId,
    title: p.title,
    location: formatLocation(p),
    passage: p.text,
    highlight: answer ? { start: answer.start, end: answer.end } : null,
  };
}

export class QaEngine implements QaService {
  private current: LoadedIndex;
  private readonly retriever: HybridRetriever;
  /** The quiz bank of one generation, read (or built) at its first use. */
  private quiz: QuizBankReading | undefined;
  private titles: { generation: string; titles: DocumentTitles } | undefined;
  private labels: { generation: string; byDocument: Map<string, number[]> } | undefined;
  /** Passages that open the n-th item of an enumeration, by n, found once per generation for each n asked. */
  private items: { generation: string; leads: StoredPassage[]; byOrdinal: Map<number, StoredPassage[]> } | undefined;
  /** Questions being retrieved, per generation; a generation swapped out is closed when it has none. */
  private readonly inFlight = new Map<LoadedIndex, number>();
  private readonly retired = new Set<LoadedIndex>();
  /** The warm-up going on in the background, if any (see `EngineOptions.backgroundWarmUp`). */
  private warming: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    index: LoadedIndex,
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  ) {
    this.current = index;
    const { perIndex, lexicalWeight, vectorWeight } = options.policy;
    this.retriever = new HybridRetriever({ index: () => this.current, k: options.candidates, options: { perIndex, lexicalWeight, vectorWeight } });
  }

  /** Opens the index in service in `indexDir`. */
  static async open(indexDir: string, options: Partial<EngineOptions> = {}): Promise<QaEngine> {
    const merged = { ...DEFAULT_ENGINE_OPTIONS, ...options };
    const engine = new QaEngine(await loadIndex(indexDir, { efSearch: merged.efSearch, offThreadFrom: merged.offThreadFrom }), merged);
    if (merged.backgroundWarmUp) {
      // A server answers as soon as the index is loaded: the warm-up runs between questions.
      engine.prepare(engine.current);
      engine.warming = engine.warmUpWhileIdle();
    } else await engine.warmUp();
    return engine;
  }

  /**
   * Asks questions of each kind drawn from the corpus (see `warmUpQuestions`), for at most
   * WARM_UP_BUDGET_MS, so that the first real questions do not pay for JIT compilation and lazy
   * initialisation.
   */
  async warmUp(): Promise<void> {
    const index = this.current;
    this.prepare(index);
    if (index.passages.length <= PREPARE_ALL_MAX_PASSAGES) for (const p of index.passages) preparePassage(asCandidate(p, 0, index));
    const started = performance.now();
    for (const q of warmUpQuestions(index.passages, WARM_UP_DRAWN)) {
      await this.ask(q);
      if (performance.now() - started > WARM_UP_BUDGET_MS) break;
    }
  }

  /**
   * The warm-up of a server (`backgroundWarmUp`), run after `open` returns, a step per turn of the event
   * loop and only when no question is being answered, until the engine is closed. Never fails. On an index
   * up to PREPARE_ALL_MAX_PASSAGES, every passage is analysed (PREPARE_BATCH a step), then up to
   * BACKGROUND_WARM_UP_DRAWN questions are asked or BACKGROUND_WARM_UP_BUDGET_MS spent answering them (there
   * it compiles code and fills no cache); on a larger one, as many as `warmUp` asks (at 116,792 passages the
   * longer warm-up held 160 MB more for 8 % off the mean answer time).
   */
  private async warmUpWhileIdle(): Promise<void> {
    const index = this.current;
    // (A question being answered goes first: look again a little later.)
    const idle = async (): Promise<boolean> => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (!this.closed && this.inFlight.size > 0) await new Promise<void>((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      return !this.closed;
    };
    const small = index.passages.length <= PREPARE_ALL_MAX_PASSAGES;
    if (small) {
      for (let i = 0; i < index.passages.length; i += PREPARE_BATCH) {
        if (!(await idle())) return;
        for (const p of index.passages.slice(i, i + PREPARE_BATCH)) preparePassage(asCandidate(p, 0, index));
      }
    }
    const [drawn, budget] = small ? [BACKGROUND_WARM_UP_DRAWN, BACKGROUND_WARM_UP_BUDGET_MS] : [WARM_UP_DRAWN, WARM_UP_BUDGET_MS];
    let spent = 0;
    for (const q of warmUpQuestions(index.passages, drawn)) {
      if (!(await idle()) || spent > budget) return;
      const started = performance.now();
      try {
        await this.ask(q);
      } catch {
        return;
      }
      spent += performance.now() - started;
    }
  }

  /** Resolves when the background warm-up (if any) is over: what `npm run eval` measures is a warmed-up engine. */
  warmedUp(): Promise<void> {
    return this.warming;
  }

  get index(): LoadedIndex {
    return this.current;
  }

  get generation(): string {
    return this.current.generation;
  }

  /** The LangChain retriever, for callers that compose chains. */
  get langchainRetriever(): HybridRetriever {
    return this.retriever;
  }

  /**
   * Serves a newly loaded generation; questions already running finish on the old one, which is then
   * closed (its vector search thread, if it has one, stopped).
   */
  swap(index: LoadedIndex): void {
    const old = this.current;
    this.current = index;
    if (old === index) return;
    if ((this.inFlight.get(old) ?? 0) === 0) void old.vectors.close();
    else this.retired.add(old);
  }

  /** Reloads from disk if `CURRENT` names another generation. Returns true when it swapped. */
  async reloadIfChanged(indexDir: string): Promise<boolean> {
    const next = await loadIndex(indexDir, { efSearch: this.options.efSearch, offThreadFrom: this.options.offThreadFrom });
    if (next.generation === this.current.generation) {
      await next.vectors.close();
      return false;
    }
    this.prepare(next);
    this.swap(next);
    return true;
  }

  /** Stops what the generation in service holds besides memory (a vector search thread). The engine answers no more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.warming;
    await this.current.vectors.close();
  }

  /**
   * Builds what the engine keeps per generation (documents' title words, passages by document, passages
   * that may open an enumerated item), so that no question pays for it: ~40 ms at 113,000 passages.
   */
  private prepare(index: LoadedIndex): void {
    this.titleWords(index);
    this.labelsOf(index);
    this.ordinalLeads(index);
  }

  /** Marks a question as using `index` until `release`. */
  private hold(index: LoadedIndex): void {
    this.inFlight.set(index, (this.inFlight.get(index) ?? 0) + 1);
  }

  private release(index: LoadedIndex): void {
    const left = (this.inFlight.get(index) ?? 1) - 1;
    if (left > 0) {
      this.inFlight.set(index, left);
      return;
    }
    this.inFlight.delete(index);
    if (this.retired.delete(index)) void index.vectors.close();
  }

  info(): IndexInfo {
    const m = this.current.manifest;
    return {
      generation: this.current.generation,
      builtAt: m.builtAt,
      documents: m.documents.map((d) => ({ docId: d.docId, title: d.title, path: d.path, passages: d.passages })),
      passages: this.current.passages.length,
    };
  }

  /**
   * The quiz bank stored with the generation in service, read once per generation. An index built before
   * quiz support has no bank: one is built in memory from its passages, as `npm run quiz` does.
   */
  quizBank(): QuizBankReading {
    const index = this.current;
    if (this.quiz?.generation === index.generation) return this.quiz;
    const { bank, problem } = parseQuizBank(index.quiz);
    const isBuiltInMemory = bank.questions.length === 0 && index.passages.length > 0;
    this.quiz = { generation: index.generation, bank: isBuiltInMemory ? buildQuizBank(index.passages).bank : bank, problem, isBuiltInMemory };
    return this.quiz;
  }

  passage(id: string): StoredPassage | undefined {
    return this.current.byId.get(id);
  }

  /** The passage with up to `radius` neighbours on each side in the same document (the title is no neighbour). */
  neighbours(id: string, radius = 1): StoredPassage[] {
    const p = this.current.byId.get(id);
    if (!p) return [];
    const out: StoredPassage[] = [];
    for (let order = p.order - radius; order <= p.order + radius; order++) {
      const n = this.current.byId.get(`${p.docId}#${order}`);
      if (n && (n === p || n.paragraph > 0 || n.section !== null)) out.push(n);
    }
    return out;
  }

  /**
   * Answers a question from the index, citing its passage, or abstains. A greeting or a thank-you is not a
   * question: it is not searched (a search would return a random fragment) and gets an abstention whose
   * `smallTalk` says what it was.
   */
  async ask(question: string): Promise<AnswerResult> {
    const started = performance.now();
    const smallTalk = detectSmallTalk(question);
    if (smallTalk) return { question, answer: null, abstained: true, citations: [], reason: `small talk (${smallTalk})`, smallTalk, ms: 0 };
    const retrieved = await this.retrieve(question);
    return { ...this.answer(retrieved, this.options.policy), ms: Math.round((performance.now() - started) * 100) / 100 };
  }

  /**
   * Passages that cite a document the question names by number ("Hướng dẫn số 35-HD/BTCTW"): in a large
   * corpus the number is common and the whole question's words rank other passages first, so the
   * reference is searched on its own and the passages that carry its number join the candidates.
   */
  private citingPassages(plan: CheckedPlan, index: LoadedIndex): StoredPassage[] {
    if (plan.docRefs.length === 0) return [];
    const cited = documentReferenceText(plan.question);
    if (cited === null) return [];
    const reference = understandQuestion(cited);
    if (reference.terms.length === 0) return [];
    const numbers = plan.docRefs.map((n) => new RegExp(`(?<!\\d)0*${n}(?!\\d)`));
    return index.lexical
      .search(reference, CITING_POOL)
      .map((h) => index.byLabel.get(h.label))
      .filter((p): p is StoredPassage => p !== undefined && numbers.some((re) => re.test(p.text)))
      .slice(0, CITING_PASSAGES);
  }

  /** The passages' labels of each document, per generation. */
  private labelsOf(index: LoadedIndex): Map<string, number[]> {
    if (this.labels?.generation === index.generation) return this.labels.byDocument;
    const byDocument = new Map<string, number[]>();
    for (const p of index.passages) {
      const labels = byDocument.get(p.docId);
      if (labels) labels.push(p.label);
      else byDocument.set(p.docId, [p.label]);
    }
    this.labels = { generation: index.generation, byDocument };
    return byDocument;
  }

  /** Folded title words of each document (its title line, which carries the header's subject), per generation. */
  private titleWords(index: LoadedIndex): DocumentTitles {
    if (this.titles?.generation === index.generation) return this.titles.titles;
    const docs = index.manifest.documents.map((d) => ({ docId: d.docId, words: new Set(analyzeText(d.title, false).fold) }));
    const byWord = new Map<string, number[]>();
    docs.forEach(({ words }, at) => {
      for (const word of words) {
        const holders = byWord.get(word);
        if (holders) holders.push(at);
        else byWord.set(word, [at]);
      }
    });
    const titles = { docs, byWord };
    this.titles = { generation: index.generation, titles };
    return titles;
  }

  /** The best passages, for the words the title does not hold, of the documents whose title holds much of a question. */
  private titledPassages(plan: CheckedPlan, index: LoadedIndex): StoredPassage[] {
    // An English question is matched by its translation ("Phong Thạnh commune" → "Phong Thạnh", "xã").
    const tokens = analyzeText(plan.language === "vi" ? plan.question : plan.searchText, false).tokens;
    const weightOf = (fold: string): number => (isStopFold(fold) ? 0 : index.terms.idf(fold, false));
    const total = tokens.reduce((sum, t) => sum + weightOf(t.fold), 0);
    if (total === 0) return [];
    // Only documents whose title has one of the words can hold a share (looked up by word, not document by
    // document: 2,000 titles cost a millisecond a question). Sums run in token order, as over every title.
    const { docs, byWord } = this.titleWords(index);
    const inTitle = new Map<number, number>();
    for (const t of tokens) {
      const weight = weightOf(t.fold);
      for (const at of byWord.get(t.fold) ?? []) inTitle.set(at, (inTitle.get(at) ?? 0) + weight);
    }
    const shares: Array<{ docId: string; share: number; words: Set<string> }> = [];
    for (const at of [...inTitle.keys()].sort((a, b) => a - b)) {
      const doc = docs[at];
      const share = (inTitle.get(at) ?? 0) / total;
      if (doc && share >= TITLE_SHARE) shares.push({ docId: doc.docId, share, words: doc.words });
    }
    if (shares.length === 0) return [];
    const top = Math.max(...shares.map((d) => d.share));
    const chosen = shares.filter((d) => d.share === top);
    if (chosen.length > 2) return [];
    const titleWords = chosen[0]?.words ?? new Set<string>();
    const rest = tokens.filter((t) => !titleWords.has(t.fold)).map((t) => t.lower).join(" ");
    const residual = understandQuestion(rest);
    if (residual.terms.length === 0) return [];
    return this.searchWithin(residual, new Set(chosen.map((d) => d.docId)), TITLED_PASSAGES, index, (p) => p.paragraph > 0);
  }

  /**
   * The passages that open the item an ordinal question asks for ("Kinh nghiệm thứ tư là gì?" → "Bốn là,
   * …") under a section heading that holds every key term: a search for two common words ranks them
   * below any text that repeats those words.
   */
  private itemPassages(plan: CheckedPlan, index: LoadedIndex): StoredPassage[] {
    if (plan.ordinal === null || plan.terms.length === 0) return [];
    const found = this.ordinalLeads(index);
    let items = found.byOrdinal.get(plan.ordinal);
    if (!items) {
      const lead = ordinalPattern(plan.ordinal);
      items = found.leads.filter((p) => lead.test(p.text));
      found.byOrdinal.set(plan.ordinal, items);
    }
    return items.filter((p) => plan.terms.every((t) => termIn(t, termSets(p.context)))).slice(0, ITEM_PASSAGES);
  }

  /**
   * The passages that may open an enumerated item, found once per generation (one test a passage instead
   * of one per ordinal asked: at 113,000 passages each ordinal's first question had cost ~27 ms).
   */
  private ordinalLeads(index: LoadedIndex): { leads: StoredPassage[]; byOrdinal: Map<number, StoredPassage[]> } {
    if (this.items?.generation !== index.generation) {
      this.items = { generation: index.generation, leads: [...index.byId.values()].filter((p) => mayOpenItem(p.text)), byOrdinal: new Map() };
    }
    return this.items;
  }

  /**
   * Documents (by id) whose number, as questions refer to it, is one of `numbers` ("383" → 383-QĐ/TW), and,
   * when `kinds` are given, whose kind is one of them ("Hướng dẫn 12" is not the Báo cáo numbered 12).
   */
  private documentsNumbered(numbers: readonly string[], index: LoadedIndex, kinds: readonly string[] | null = null): string[] {
    if (numbers.length === 0) return [];
    const ofKind = (kind: string | null | undefined): boolean => kinds === null || (kind !== null && kind !== undefined && kinds.some((k) => foldKey(kind).startsWith(k)));
    return index.manifest.documents.filter((doc) => doc.header?.number && numbers.includes(documentNumberKey(doc.header.number) ?? "") && ofKind(doc.header.kind)).map((doc) => doc.docId);
  }

  /**
   * Up to `limit` passages of `docs` that pass `keep`, best first for `plan`: a lexical search of those
   * documents' passages only, however large the index (scores as in the whole index).
   */
  private searchWithin(plan: QueryPlan, docs: ReadonlySet<string>, limit: number, index: LoadedIndex, keep: (p: StoredPassage) => boolean = () => true): StoredPassage[] {
    const out: StoredPassage[] = [];
    const labels = [...docs].flatMap((docId) => this.labelsOf(index).get(docId) ?? []);
    for (const h of index.lexical.search(plan, ASKED_DOCUMENT_POOL, labels)) {
      if (out.length >= limit) break;
      const p = index.byLabel.get(h.label);
      if (p && keep(p)) out.push(p);
    }
    return out;
  }

  /** The retrieved passages of `docs`, topped up from a wider lexical search within them. */
  private withinDocuments(hits: readonly RetrievedPassage[], docs: ReadonlySet<string>, plan: CheckedPlan, index: LoadedIndex): RetrievedPassage[] {
    const out = hits.filter((h) => docs.has(h.passage.docId));
    const seen = new Set(out.map((h) => h.passage.id));
    const more = this.searchWithin(plan, docs, this.options.candidates - out.length, index, (p) => !seen.has(p.id));
    return [...out, ...more.map((passage) => ({ passage, score: 0 }))];
  }

  /** Header passages of the documents whose number starts with one of `numbers` ("383" → 383-QĐ/TW). */
  private headersOf(numbers: readonly string[], index: LoadedIndex): StoredPassage[] {
    return this.documentsNumbered(numbers, index)
      .map((docId) => headerPassage(docId, index))
      .filter((p): p is StoredPassage => p !== undefined)
      .slice(0, 3);
  }

  /**
   * The first half of `ask`: the question understood and its passages retrieved, pinned to the index
   * generation in service. `answer` may then be run with several policies (calibration).
   */
  async retrieve(question: string): Promise<RetrievedQuestion> {
    const index = this.current;
    this.hold(index);
    try {
      return await this.retrieveFrom(index, question);
    } finally {
      this.release(index);
    }
  }

  private async retrieveFrom(index: LoadedIndex, question: string): Promise<RetrievedQuestion> {
    const bigramFrequency = (bigram: string): number => index.lexical.bigramFrequency(bigram);
    const written = expandTexting(question, (folded) => index.terms.has(folded, false), (bigrams) => index.lexical.bigramsTogether(bigrams), (initials) => index.lexical.bigramsByInitials(initials));
    const understand = (text: string): CheckedPlan => checkSpelling(understandQuestion(text), index.terms, bigramFrequency);
    let plan = understand(written);
    let hits = await this.retriever.search(plan, this.options.candidates, index);
    // A question with misspelt syllables, or typed partly with diacritics, is read again as corrected and
    // as the retrieved passages write it, then understood and searched again.
    if (plan.language === "vi") {
      const corrected = withCorrectedSpelling(written, plan, index.terms, bigramFrequency);
      const reread = plan.accent !== null ? rereadQuestion(corrected ?? written, hits.map((h) => h.passage.text), index.terms) : null;
      const again = reread ?? corrected;
      if (again !== null) {
        plan = understand(again);
        hits = await this.retriever.search(plan, this.options.candidates, index);
      }
    }
    // Passages added beside the ranked ones, each once.
    // (`rankAs`: the rank extraction gives them, when not their own position.)
    const add = (passages: readonly StoredPassage[], rankAs?: number): void => {
      for (const passage of passages) if (!hits.some((h) => h.passage.id === passage.id)) hits.push(rankAs === undefined ? { passage, score: 0 } : { passage, score: 0, rankAs });
    };
    // A question about a document named by number ("Hướng dẫn 45 yêu cầu …") is answered from that
    // document when the index holds it: passages of other documents, however similar, are not asked about.
    const asked = new Set(this.documentsNumbered(plan.askedDocument.number === null ? [] : [plan.askedDocument.number], index, plan.askedDocument.kinds));
    if (asked.size > 0) hits = this.withinDocuments(hits, asked, plan, index);
    const ranked = hits.length;
    // Words of the question that name a document by its title ("Đợt thi đua chào mừng Đại hội XIV …")
    // choose the document; its passages are then searched for the rest ("… những hình thức khen thưởng
    // nào?"), which a search for the whole question ranks below passages that repeat the title.
    if (asked.size === 0) add(this.titledPassages(plan, index));
    add(this.itemPassages(plan, index).filter((p) => asked.size === 0 || asked.has(p.docId)));
    // (A person's section ranks as the passage of it that was found.)
    const persons = personsNamed(plan);
    for (const [at, hit] of hits.slice(0, ranked).entries()) add(personSectionPassages(persons, hit.passage, index), at);
    // Typed without diacritics, or with tone marks missing: those terms take the accented forms the
    // retrieved passages use.
    const texts = hits.map((h) => h.passage.text);
    const restored = plan.language !== "vi" ? plan : plan.accent === null ? withRestoredAccents(plan, texts, index.terms) : withToneSlipsRead(plan, texts, index.terms);
    // A document the question names by number ("Quy định 383", "HD 45") has its header passage among the
    // candidates: its signer, date and issuer are asked for in words the passage shares little with.
    add(this.headersOf(plan.docRefs, index));
    if (asked.size === 0) add(this.citingPassages(plan, index));
    return { plan: restored, hits, ranked, index };
  }

  /** The second half of `ask`: extraction and citations under a policy. */
  answer({ plan, hits: retrieved, ranked, index }: RetrievedQuestion, policy: AnswerPolicy): Omit<AnswerResult, "ms"> {
    // The policy's candidate count applies to the ranked hits (calibration retrieves once for several counts).
    const hits = retrieved.filter((_, i) => i < Math.min(policy.candidates, ranked) || i >= ranked);
    const candidates = hits.map((h, rank) => asCandidate(h.passage, h.rankAs ?? rank, index, plan));
    // (A place typed without capitals is named as the passages write it: "xa cao son" as "xã Cao Sơn".)
    const named = withPlacesNamedIn(plan, candidates.flatMap((c) => [c.text, c.context, c.title]));
    const extraction = extractAnswer(named, candidates, index.terms, policy);
    const byId = new Map(hits.map((h) => [h.passage.id, h.passage]));
    let citations: Citation[];
    if (extraction.abstained && !extraction.uncertain) {
      citations = hits.slice(0, this.options.maxCitations).map((h) => toCitation(h.passage, null));
    } else {
      citations = extraction.ranked
        .slice(0, this.options.maxCitations)
        .flatMap((a) => {
          const p = byId.get(a.passageId);
          return p ? [toCitation(p, a)] : [];
        });
    }
    return {
      question: plan.question,
      answer: extraction.abstained ? null : (extraction.best?.text ?? null),
      abstained: extraction.abstained,
      citations,
      reason: extraction.reason,
      ...(extraction.features ? { features: extraction.features } : {}),
      ...(extraction.uncertain ? { uncertain: true as const } : {}),
    };
  }
}

/**
 * A passage as the answer extraction sees it. A scanned one is read with the question's spelling where
 * OCR slipped on diacritics of the words asked (see alignScannedText).
 */
function asCandidate(passage: StoredPassage, rank: number, index: LoadedIndex, plan?: QueryPlan): CandidatePassage {
  const read = (text: string): string => (passage.isScanned && plan?.language === "vi" ? alignScannedText(text, plan.question) : text);
  const header = headerPassage(passage.docId, index);
  const isOfficial = header !== undefined;
  return {
    id: passage.id,
    text: read(passage.text),
    context: read(passage.context),
    title: passage.title,
    rank,
    isHeader: passage.section === HEADER_SECTION && passage.paragraph === 0,
    isOfficial,
    ...(isOfficial ? { ...subjectOf(header), ...issuerOf(header) } : { titleBlock: titleBlock(passage.docId, index) }),
  };
}

/** An official document's subject, from its header's first line ("Quyết định số … ngày …: <subject>"). */
function subjectOf(header: StoredPassage | undefined): { subject?: string } {
  const text = header?.text ?? "";
  const end = text.indexOf("\n");
  const line = end < 0 ? text : text.slice(0, end);
  const at = line.indexOf(": ");
  return at < 0 ? {} : { subject: line.slice(at + 2) };
}

/** A body's name that ends with its level word and no name of its own ("Đảng ủy các cơ quan Đảng tỉnh"). */
const ENDS_WITH_LEVEL = /(?<!\p{L})(?:tỉnh|huyện|quận|thị xã|thành phố|thị trấn|xã|phường)$/iu;

/**
 * The body an official document is issued by, from its header's line ("Cơ quan ban hành: …"): without the
 * body above it ("Chi bộ Công ty … Bình Nguyên", not its "Đảng bộ phường …"), which is kept apart (see
 * CandidatePassage.issuerAbove), unless the name ends with its level and the body above names the place
 * ("Đảng ủy các cơ quan Đảng tỉnh" under "Tỉnh ủy Quảng Hòa").
 */
function issuerOf(header: StoredPassage | undefined): { issuer?: string; issuerAbove?: string } {
  const line = /^Cơ quan ban hành: (.+)$/mu.exec(header?.text ?? "")?.[1];
  if (line === undefined) return {};
  const [, own = line, above] = /^(.*?)\s*\(([^()]*)\)$/u.exec(line) ?? [];
  if (above === undefined) return { issuer: own };
  return ENDS_WITH_LEVEL.test(own.trim()) ? { issuer: `${own} (${above})` } : { issuer: own, issuerAbove: above };
}

/** Most passages a title block is read from, and most characters it keeps. */
const TITLE_BLOCK_PASSAGES = 4;
const TITLE_BLOCK_CHARS = 800;

/** A document's title and the passages before its first section (see CandidatePassage.titleBlock). */
function titleBlock(docId: string, index: LoadedIndex): string {
  let block = "";
  for (let k = 0; k < TITLE_BLOCK_PASSAGES && block.length < TITLE_BLOCK_CHARS; k++) {
    const passage = index.byId.get(`${docId}#${k}`);
    if (!passage || passage.section !== null) break;
    block = `${block}\n${passage.text}`;
  }
  return block.slice(0, TITLE_BLOCK_CHARS);
}
