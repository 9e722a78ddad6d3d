import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { EmbeddedDatabaseInUseError, openPglite } from "./client";

describe("embedded store lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zones-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second open of the same folder with a clear error, then reopens after close", {
    timeout: 120_000,
  }, async () => {
    const dataDir = path.join(dir, "store");
    const first = await openPglite(dataDir);
    await expect(openPglite(dataDir)).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
    await expect(openPglite(dataDir)).rejects.toThrow(/already open/);
    await first.close();
    const second = await openPglite(dataDir);
    await second.close();
  });
});
