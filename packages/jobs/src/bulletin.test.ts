import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bulletins } from "@zones/db/schema";
import { PRINT_TOKEN_HEADER, verifyPrintToken } from "@zones/pdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BulletinBusyError, type BulletinPrinting, bulletinPdf } from "./bulletin";
import { approveAllZones } from "./test-fixture";
import { useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const SECRET = "a-test-secret-of-at-least-thirty-two-chars";

/**
 * A stand-in for the web app's bulletin page: it answers only a valid print token for the path's quarter and
 * language, shows its ready marker after a moment (as the charts do), and can be held to keep a print going.
 */
let server: Server;
let printing: BulletinPrinting;
const requests: string[] = [];
let hold: Promise<void> | null = null;
let reached: () => void = () => {};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://app");
    const match = /^\/bulletin\/(\d{4}Q[1-4])$/.exec(url.pathname);
    const token = String(request.headers[PRINT_TOKEN_HEADER] ?? "");
    const grant = { quarter: match?.[1] ?? "", language: url.searchParams.get("lang") ?? "" };
    if (!match || !verifyPrintToken(SECRET, token, grant)) {
      response.writeHead(403).end("refused");
      return;
    }
    requests.push(`${grant.quarter}:${grant.language}`);
    reached();
    if (hold) await hold;
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="zh-CN"><body><h1>季度监测通报 ${grant.quarter} ${grant.language}</h1>
      <div id="m"></div><script>setTimeout(() => document.getElementById("m").dataset.bulletinReady = "", 200)</script>
      </body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  printing = {
    appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secret: async () => SECRET,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const world = useJobsWorld();
const workers: ExportWorker[] = [];
afterAll(async () => {
  for (const worker of workers) await worker.stop();
});

describe("the quarterly bulletin's PDF", () => {
  it("prints the app's page with a print token, keeps the PDF and records it; unchanged data is not printed again", async () => {
    const params = { quarter: "2026Q2", language: "zh-CN" as const, trigger: "manual" as const };
    const first = await bulletinPdf(world.handle.db, world.storage, printing, params);
    expect(first.printed).toBe(true);
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(first.record).toMatchObject({
      quarter: "2026Q2",
      language: "zh-CN",
      trigger: "manual",
      byteSize: first.pdf.length,
      sha256: createHash("sha256").update(first.pdf).digest("hex"),
    });
    expect(first.record.storageKey).toMatch(/^bulletins\/2026Q2\/zh-CN-[0-9a-f]{32}\.pdf$/);
    expect(requests).toEqual(["2026Q2:zh-CN"]);

    const again = await bulletinPdf(world.handle.db, world.storage, printing, params);
    expect(again.printed).toBe(false);
    expect(again.record.id).toBe(first.record.id);
    expect(Buffer.compare(again.pdf, first.pdf)).toBe(0);
    expect(requests).toHaveLength(1);
  }, 60_000);

  it("prints one bulletin at a time per process: another asked meanwhile is busy, the same one waits for it", async () => {
    let release: () => void = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const arrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const first = bulletinPdf(world.handle.db, world.storage, printing, {
      quarter: "2026Q1",
      language: "en",
      trigger: "manual",
    });
    await arrived;
    await expect(
      bulletinPdf(world.handle.db, world.storage, printing, {
        quarter: "2026Q1",
        language: "zh-CN",
        trigger: "manual",
      }),
    ).rejects.toBeInstanceOf(BulletinBusyError);
    // The same bulletin asked meanwhile waits for the print in progress: one print for both.
    const same = bulletinPdf(world.handle.db, world.storage, printing, {
      quarter: "2026Q1",
      language: "en",
      trigger: "manual",
    });
    hold = null;
    release();
    const [printed, waited] = await Promise.all([first, same]);
    expect(printed.printed).toBe(true);
    expect(waited).toMatchObject({ printed: false, record: { id: printed.record.id } });
    expect(requests.filter((request) => request === "2026Q1:en")).toHaveLength(1);
  }, 60_000);

  it("refuses to keep a page the app refused (a wrong secret's token) instead of printing its error", async () => {
    await expect(
      bulletinPdf(
        world.handle.db,
        world.storage,
        { ...printing, secret: async () => `${SECRET}-wrong` },
        { quarter: "2025Q4", language: "zh-CN", trigger: "manual" },
      ),
    ).rejects.toThrow(/answered 403/);
  }, 60_000);

  it("the worker prints both languages once every zone's quarter is approved", async () => {
    const worker = await startExportWorker(world.handle, {
      storage: world.storage,
      bulletin: printing,
      timing: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 },
    });
    workers.push(worker);
    await approveAllZones(world.handle, "2026Q2");
    await worker.jobs.quarterApproved("2026Q2");
    const rows = await waitFor(
      async () => {
        const all = await world.handle.db.select().from(bulletins);
        const issued = all.filter((row) => row.quarter === "2026Q2" && row.trigger === "all-approved");
        return issued.length === 2 ? issued : null;
      },
      "the all-approved bulletins",
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(rows.map((row) => [row.language, row.trigger]).sort()).toEqual([
      ["en", "all-approved"],
      ["zh-CN", "all-approved"],
    ]);
  }, 90_000);
});
