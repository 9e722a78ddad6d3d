import { createHash } from "node:crypto";
import { type BulletinRecord, bulletinDataVersion, findBulletin, recordBulletin } from "@zones/db/bulletin";
import type { Database } from "@zones/db/client";
import { BULLETIN_PAGE_NUMBERS, type BulletinTrigger, type Locale } from "@zones/domain";
import { PRINT_TOKEN_HEADER, printPagePdf, signPrintToken } from "@zones/pdf";
import type { ExportStorage } from "@zones/storage";

/** How a process prints the bulletin: by opening the web app's own page in headless Chromium. */
export interface BulletinPrinting {
  /** The web app's URL as this process reaches it (APP_INTERNAL_URL; default the public BETTER_AUTH_URL). */
  appUrl: string;
  /** The app's secret (BETTER_AUTH_SECRET), from which the print token's key is derived. */
  secret: () => Promise<string>;
  /** Chromium's path (default CHROMIUM_PATH or /usr/bin/chromium). */
  chromium?: string;
  /** Longest wait for each step of a print (launch, load, charts drawn, PDF), in ms. */
  timeoutMs?: number;
}

/** The element the bulletin page shows once every chart is drawn. */
export const BULLETIN_READY_SELECTOR = "[data-bulletin-ready]";
/** Default bound of each step of a print. */
export const BULLETIN_PRINT_TIMEOUT_MS = 60_000;

/** Another bulletin is printing in this process: try again shortly (the route answers 503 with Retry-After). */
export class BulletinBusyError extends Error {
  constructor() {
    super("another bulletin is being printed in this process");
    this.name = "BulletinBusyError";
  }
}

/**
 * One print at a time per process (the printing Chromium peaked at about 840 MB for the demo's bulletin): the one in progress, by
 * quarter, language and data version. A request for the same bulletin meanwhile waits for it; another is busy.
 */
let inProgress: { key: string; done: Promise<BulletinPdf> } | null = null;

export interface BulletinPdf {
  pdf: Buffer;
  record: BulletinRecord;
  /** False when the bulletin of the same data was kept and served again. */
  printed: boolean;
}

/**
 * The bulletin of a quarter in a language, as a PDF: the one kept in the export storage when the data has not
 * changed since it was printed (a `bulletins` row of the same data version), otherwise printed now from the web
 * app's page, stored under `bulletins/<quarter>/<language>-<version>.pdf` and recorded. A request for the
 * bulletin being printed waits for that print; one for another throws BulletinBusyError meanwhile. Other code
 * (scheduled deliveries) attaches what this returns.
 */
export async function bulletinPdf(
  db: Database,
  storage: ExportStorage,
  how: BulletinPrinting,
  params: { quarter: string; language: Locale; trigger: BulletinTrigger },
): Promise<BulletinPdf> {
  const { quarter, language } = params;
  const dataVersion = await bulletinDataVersion(db, { quarter });
  const kept = await findBulletin(db, { quarter, language, dataVersion });
  if (kept) {
    const pdf = await readKept(storage, kept.storageKey);
    if (pdf) return { pdf, record: kept, printed: false };
  }
  const key = `${quarter}/${language}/${dataVersion}`;
  if (inProgress?.key === key) return { ...(await inProgress.done), printed: false };
  if (inProgress) throw new BulletinBusyError();
  const done = printAndKeep(db, storage, how, { ...params, dataVersion });
  inProgress = { key, done };
  try {
    return await done;
  } finally {
    inProgress = null;
  }
}

async function printAndKeep(
  db: Database,
  storage: ExportStorage,
  how: BulletinPrinting,
  params: { quarter: string; language: Locale; trigger: BulletinTrigger; dataVersion: string },
): Promise<BulletinPdf> {
  const { quarter, language, dataVersion } = params;
  const token = signPrintToken(await how.secret(), { quarter, language });
  const url = new URL(`/bulletin/${quarter}`, how.appUrl);
  url.searchParams.set("lang", language);
  const pdf = await printPagePdf(url.toString(), {
    headers: { [PRINT_TOKEN_HEADER]: token },
    readySelector: BULLETIN_READY_SELECTOR,
    pageNumbers: BULLETIN_PAGE_NUMBERS[language],
    outline: true,
    timeoutMs: how.timeoutMs ?? BULLETIN_PRINT_TIMEOUT_MS,
    ...(how.chromium ? { chromium: how.chromium } : {}),
  });
  const storageKey = `bulletins/${quarter}/${language}-${dataVersion}.pdf`;
  await storage.store(
    storageKey,
    (sink) =>
      new Promise<void>((resolve, reject) => {
        sink.once("error", reject);
        sink.end(pdf, () => resolve());
      }),
    { contentType: "application/pdf" },
  );
  const record = await recordBulletin(db, {
    quarter,
    language,
    dataVersion,
    storageKey,
    byteSize: pdf.length,
    sha256: createHash("sha256").update(pdf).digest("hex"),
    trigger: params.trigger,
  });
  return { pdf, record, printed: true };
}

/** The kept PDF's bytes, or null when the file is gone (pruned by hand, a restore without files). */
async function readKept(storage: ExportStorage, key: string): Promise<Buffer | null> {
  const object = await storage.open(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
