import { describe, expect, it } from "vitest";

import { describeError } from "./describe-error.mjs";

describe("describeError", () => {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

  it("gives the message and code, and those of the cause", () => {
    expect(describeError(refused)).toBe("connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)");
    expect(describeError(new Error("cannot start", { cause: refused }))).toBe(
      "cannot start: connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)",
    );
  });

  it("gives every address a host name was refused on", () => {
    const v6 = Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" });
    expect(describeError(new AggregateError([refused, v6], ""))).toBe(
      "connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED); connect ECONNREFUSED ::1:5432 (ECONNREFUSED)",
    );
  });

  it("leaves out a failed query's statement and parameters", () => {
    const failed = Object.assign(
      new Error("Failed query: update users set password = $1\nparams: $argon2id$…"),
      {
        query: "update users set password = $1",
        params: ["$argon2id$…"],
        cause: refused,
      },
    );
    expect(describeError(failed)).toBe("connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)");
  });
});
