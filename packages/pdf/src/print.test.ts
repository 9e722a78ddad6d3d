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
    if (request.url === "/late") {
      response.end(
        `<!doctype html><html lang="zh-CN"><body><h1>封面</h1><h2 style="break-before:page">第二节</h2><p id="chart"></p>
         <script>setTimeout(() => { document.getElementById("chart").textContent = "图表已绘制"; document.body.dataset.ready = "1"; }, 300)</script></body></html>`,
      );
      return;
    }
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

  it("numbers the pages in the footer, waits for the ready marker and writes an outline", async () => {
    const pdf = await printPagePdf(`${base}/late`, {
      pageNumbers: "第 {page} 页 / 共 {pages} 页",
      readySelector: "[data-ready]",
      outline: true,
    });
    const scratch = mkdtempSync(path.join(tmpdir(), "pdf-"));
    try {
      const file = path.join(scratch, "page.pdf");
      writeFileSync(file, pdf);
      const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
        .split("\f")
        .filter((page) => page.trim() !== "")
        // pdftotext leaves out the spaces between Chinese characters.
        .map((page) => page.replace(/\s+/g, ""));
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain("第1页/共2页");
      expect(pages[1]).toContain("第2页/共2页");
      // Drawn by a script after load: printed only once the marker appeared.
      expect(pages[1]).toContain("图表已绘制");
      expect(pdf.includes("/Outlines")).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a page that does not answer 200 instead of printing an error page", async () => {
    await expect(printPagePdf(`${base}/missing`)).rejects.toThrow(/answered 404/);
  }, 60_000);
});
