import { describe, expect, it } from "vitest";

import { isTransientLighthouseError } from "./pages";

describe("isTransientLighthouseError", () => {
  it("runs Lighthouse again when it lost the trace (its own advice)", () => {
    const ciFailure = new Error(
      "lighthouse http://127.0.0.1:3400/login exited with 1: Runtime error encountered: Something went wrong with recording the trace over your page load. Please run Lighthouse again. (NO_NAVSTART)",
    );
    expect(isTransientLighthouseError(ciFailure)).toBe(true);
  });

  it("does not hide a page that fails or a missing browser", () => {
    expect(isTransientLighthouseError(new Error("lighthouse http://x/: no performance score"))).toBe(false);
    expect(isTransientLighthouseError(new Error("spawn /usr/bin/chromium ENOENT"))).toBe(false);
    expect(
      isTransientLighthouseError(new Error("lighthouse http://x/ exited with 1: ERRORED_DOCUMENT_REQUEST")),
    ).toBe(false);
  });
});
