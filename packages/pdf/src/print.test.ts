import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { printPagePdf } from "./print";

let server: Server;
let base: string;
const seenHeaders: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenHeaders.push(String(request.headers["x-print-token"] ?? ""));
    if (request.url === "/missing") {
      response.writeHead(404).end("no");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="zh-CN"><body><h1>黄石示范区</h1><p style="break-after:page">第一页</p><p>第二页</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("printPagePdf", () => {
  it("prints the page with its Chinese text, one PDF page per printed page, sending the headers", async () => {
    const pdf = await printPagePdf(`${base}/page`, { headers: { "x-print-token": "t1" } });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const scratch = mkdtempSync(path.join(tmpdir(), "pdf-"));
    try {
      const file = path.join(scratch, "page.pdf");
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("黄石示范区");
      expect(text.split("\f").filter((page) => page.trim() !== "")).toHaveLength(2);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(seenHeaders).toContain("t1");
  }, 60_000);

  it("refuses a page that does not answer 200 instead of printing an error page", async () => {
    await expect(printPagePdf(`${base}/missing`)).rejects.toThrow(/answered 404/);
  }, 60_000);
});
