/**
 * Optical character recognition of page images, fully offline: tesseract.js runs Tesseract compiled to
 * WebAssembly in a worker thread, with the Vietnamese model shipped by the `@tesseract.js-data/vie` npm
 * package (never fetched from the network). Starting a worker costs about half a second, so one reader
 * starts its worker on the first page it is given and keeps it until `close()`.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { createWorker, type Worker } from "tesseract.js";
import { AppError, describeError } from "../errors.js";

/** Reads the text of page images. */
export interface OcrReader {
  /** The text of one image (PNG, JPEG or TIFF bytes), lines separated by "\n", paragraphs by a blank line. */
  read(image: Uint8Array): Promise<string>;
  /** Stops the worker, if one was started. The reader may not be used afterwards. */
  close(): Promise<void>;
}

/**
 * Names the engine and model whose output is cached: a cached text is only reused when it was read by
 * the same engine, model and page rendering (see scans.ts).
 */
export const OCR_ENGINE_ID = "tesseract.js-7/vie-4.0.0";

/** Tesseract's LSTM engine only (OEM 1): the `vie` model of the 4.0.0 folder is an LSTM model. */
const OEM_LSTM_ONLY = 1;

/** Folder of the Vietnamese model inside the installed `@tesseract.js-data/vie` package. */
function vietnameseModelDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve("@tesseract.js-data/vie/package.json");
  } catch (err) {
    throw new AppError("FILE_UNREADABLE", `could not be read: the Vietnamese OCR model is not installed (${describeError(err)}); run \`npm ci\``, { cause: err });
  }
  return path.join(path.dirname(packageJson), "4.0.0");
}

/** A reader backed by one tesseract.js worker, started on first use; pages are read one at a time. */
export function createTesseractReader(): OcrReader {
  let worker: Promise<Worker> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const start = async (): Promise<Worker> => {
    try {
      // (Without an errorHandler tesseract.js rethrows a failed job — a corrupt image — from the worker's
      // message handler, an uncaught exception that would stop the bot; the job's promise carries it.)
      return await createWorker("vie", OEM_LSTM_ONLY, { langPath: vietnameseModelDir(), gzip: true, cacheMethod: "none", errorHandler: () => undefined });
    } catch (err) {
      throw new AppError("FILE_UNREADABLE", `could not be read: the OCR engine did not start (${describeError(err)}); reinstall with \`npm ci\``, { cause: err });
    }
  };

  const recognise = async (image: Uint8Array): Promise<string> => {
    if (closed) throw new Error("OCR reader used after close()");
    worker ??= start();
    const result = await (await worker).recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
    return result.data.text;
  };

  return {
    read(image) {
      // One worker reads one page at a time; concurrent callers wait their turn.
      const next = queue.catch(() => undefined).then(() => recognise(image));
      queue = next;
      return next;
    },
    async close() {
      closed = true;
      const started = worker;
      worker = null;
      await queue.catch(() => undefined);
      if (started) await (await started.catch(() => null))?.terminate();
    },
  };
}
