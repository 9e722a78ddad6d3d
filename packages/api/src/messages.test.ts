import {
  draftRefusal,
  draftSave,
  ERROR_CODES,
  PHRASED_KEY,
  phrased,
  refusedTransition,
  staleVersion,
  ZonesError,
} from "@zones/domain";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";

import { httpStatusOf, TRPC_CODES } from "./errors";
import { message, SERVER_MESSAGES, translate } from "./messages";

function keysOf(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([name, value]) =>
    typeof value === "object" ? keysOf(value, `${prefix}${name}.`) : [`${prefix}${name}`],
  );
}

describe("server messages", () => {
  it("has every key in both languages", () => {
    expect(keysOf(SERVER_MESSAGES.en).sort()).toEqual(keysOf(SERVER_MESSAGES["zh-CN"]).sort());
  });

  it("formats every message of both files", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = createTranslator({
        locale,
        messages: SERVER_MESSAGES[locale],
        onError: (error) => {
          throw error;
        },
      });
      for (const key of keysOf(SERVER_MESSAGES[locale])) {
        const text = String(
          key
            .split(".")
            .reduce<unknown>(
              (node, part) => (node as Record<string, unknown>)[part],
              SERVER_MESSAGES[locale],
            ),
        );
        const names = [...text.matchAll(/\{(\w+)/g)].map((match) => match[1] as string);
        const values = Object.fromEntries(names.map((name) => [name, "x"]));
        expect(() => t(key as never, values as never), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it("says the texts as they were said before they moved into the files", () => {
    expect(translate("zh-CN", staleVersion(3, 4))).toBe(
      "未保存：此表已被他人更新（你基于第 3 版，当前为第 4 版）。你输入的数值仍保留在本页，请对照最新数值后再保存。",
    );
    expect(translate("en", staleVersion(1234, 1235))).toContain(
      "yours was based on version 1234, it is now at version 1235",
    );
    expect(translate("en", message("imports.badVersions"))).toBe('versions: expected {"HB-HS/2026Q3": 3, …}');
    expect(translate("en", message("exports.noFile", { status: "running" }))).toBe(
      "This export has no file to download: it is still running.",
    );
    expect(translate("en", message("exports.noFile", { status: "cancelled" }))).toBe(
      "This export has no file to download: it was cancelled.",
    );
    expect(
      translate("zh-CN", message("request.disallowedCharacter", { field: "comment", character: "U+0000" })),
    ).toBe("comment：含有不允许的字符（U+0000），请删除后重试");
  });

  it("has the keys the domain's refusals name, and says their own wording in the caller's language", () => {
    expect(keysOf(SERVER_MESSAGES.en)).toContain(PHRASED_KEY);
    const refusal = refusedTransition("save", "period-closed");
    expect(translate("zh-CN", refusal)).toMatch(/^该季度的填报期已截止/);
    expect(translate("en", refusal)).toMatch(/^The reporting period for this quarter has closed/);
    expect(translate("en", phrased("zones: as it was"))).toBe("zones: as it was");
    const unknown = draftRefusal(
      "2026Q3",
      draftSave("2026Q3", { values: { gdp: "1", nope: "2" }, notes: {} }),
    );
    expect(unknown).toBeInstanceOf(ZonesError);
    expect(translate("zh-CN", unknown as ZonesError)).toBe("指标 nope 不属于 2026Q3 的填报表");
    expect(translate("en", unknown as ZonesError)).toBe("indicator nope is not part of the 2026Q3 form");
  });
});

describe("error codes", () => {
  it("map to one tRPC code and the HTTP status tRPC gives it", () => {
    expect(Object.keys(TRPC_CODES).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.fromEntries(ERROR_CODES.map((code) => [code, httpStatusOf(code)]))).toEqual({
      invalid: 400,
      unauthenticated: 401,
      forbidden: 403,
      "not-found": 404,
      conflict: 409,
      unavailable: 412,
      "too-large": 413,
      busy: 429,
    });
  });
});
