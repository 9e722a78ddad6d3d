import { chromium } from "playwright-core";

/** Where the system Chromium is (Debian's package); CHROMIUM_PATH overrides it. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export interface PrintOptions {
  /** Headers sent with every request of the page (e.g. a cookie or a signed token). */
  headers?: Record<string, string>;
  chromium?: string;
  /** Longest wait for the page to load and settle, in ms. */
  timeoutMs?: number;
}

/** Prints a page of the app to an A4 PDF in headless Chromium, as the browser's own "Save as PDF" does. */
export async function printPagePdf(url: string, options: PrintOptions = {}): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: options.chromium ?? chromiumPath(),
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: options.headers ?? {} });
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: options.timeoutMs ?? 60_000 });
    if (!response?.ok())
      throw new Error(`printing ${url}: the page answered ${response?.status() ?? "nothing"}`);
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
