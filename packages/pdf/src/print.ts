import { chromium } from "playwright-core";

/** Where the system Chromium is (Debian's package); CHROMIUM_PATH overrides it. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** A4 margins, room for the footer included (Chromium draws the footer inside the bottom margin). */
export const DEFAULT_MARGIN = { top: "16mm", right: "14mm", bottom: "18mm", left: "14mm" } as const;

export interface PrintOptions {
  /** Headers sent with every request of the page (e.g. a cookie or a signed token). */
  headers?: Record<string, string>;
  chromium?: string;
  /** Longest wait for the page to load and settle, in ms. */
  timeoutMs?: number;
  /**
   * A selector the page shows once everything is drawn (charts included); printing waits for it. Unset: the
   * page is printed once the network is idle.
   */
  readySelector?: string;
  /**
   * Page numbers in the footer: the text around the number, `{page}` and `{pages}` standing for the page's
   * number and the count (e.g. "第 {page} 页 / 共 {pages} 页"). Unset: no footer.
   */
  pageNumbers?: string;
  /** A PDF outline (bookmarks) from the page's headings, and a tagged (accessible) PDF. */
  outline?: boolean;
  margin?: { top: string; right: string; bottom: string; left: string };
}

/** The footer Chromium fills in: its `pageNumber` and `totalPages` classes; sized, as its default is 0. */
export function footerTemplate(pattern: string): string {
  const escaped = pattern.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const filled = escaped
    .replace("{page}", '<span class="pageNumber"></span>')
    .replace("{pages}", '<span class="totalPages"></span>');
  return `<div style="width:100%;font-size:9px;color:#555;text-align:center;font-family:'Noto Sans CJK SC',sans-serif">${filled}</div>`;
}

/** Prints a page of the app to an A4 PDF in headless Chromium, as the browser's own "Save as PDF" does. */
export async function printPagePdf(url: string, options: PrintOptions = {}): Promise<Buffer> {
  const timeout = options.timeoutMs ?? 60_000;
  const browser = await chromium.launch({
    executablePath: options.chromium ?? chromiumPath(),
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    timeout,
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: options.headers ?? {} });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.emulateMedia({ media: "print", reducedMotion: "reduce" });
    const response = await page.goto(url, { waitUntil: "networkidle", timeout });
    if (!response?.ok())
      throw new Error(`printing ${url}: the page answered ${response?.status() ?? "nothing"}`);
    if (options.readySelector)
      await page.waitForSelector(options.readySelector, { state: "attached", timeout });
    // The page's web fonts (none today: the system's Noto CJK) loaded before printing.
    await page.evaluate("document.fonts.ready.then(() => true)");
    const footer = options.pageNumbers;
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: options.margin ?? DEFAULT_MARGIN,
      outline: options.outline ?? false,
      tagged: options.outline ?? false,
      ...(footer
        ? {
            displayHeaderFooter: true,
            headerTemplate: "<span></span>",
            footerTemplate: footerTemplate(footer),
          }
        : {}),
    });
  } finally {
    await browser.close();
  }
}
