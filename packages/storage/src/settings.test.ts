import { describe, expect, it } from "vitest";

import { LocalExportStorage } from "./local";
import { S3ExportStorage } from "./s3";
import { exportStorageSettings, openExportStorage } from "./settings";

const S3_VARIABLES = {
  EXPORT_STORAGE_URL: { bucket: "zones-exports", prefix: "prod" },
  S3_ENDPOINT: "https://cos.ap-guangzhou.myqcloud.com",
  S3_REGION: "ap-guangzhou",
  S3_ACCESS_KEY_ID: "AKID",
  S3_SECRET_ACCESS_KEY: "secret",
};

describe("export storage settings", () => {
  it("keeps files in the local folder unless EXPORT_STORAGE_URL is set", () => {
    expect(exportStorageSettings({}, "/srv/zones/exports")).toEqual({
      kind: "local",
      dir: "/srv/zones/exports",
    });
    expect(openExportStorage(exportStorageSettings({}, "/srv/x"))).toBeInstanceOf(LocalExportStorage);
  });

  it("keeps them in the bucket of EXPORT_STORAGE_URL, reached as the S3 variables say", () => {
    const settings = exportStorageSettings(S3_VARIABLES, "/unused");
    expect(settings).toEqual({
      kind: "s3",
      bucket: "zones-exports",
      prefix: "prod",
      endpoint: "https://cos.ap-guangzhou.myqcloud.com",
      region: "ap-guangzhou",
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
    const storage = openExportStorage(settings);
    expect(storage).toBeInstanceOf(S3ExportStorage);
    expect(storage.location).toBe("s3://zones-exports/prod at https://cos.ap-guangzhou.myqcloud.com");
    expect(exportStorageSettings({ ...S3_VARIABLES, S3_FORCE_PATH_STYLE: true }, "/x")).toMatchObject({
      forcePathStyle: true,
    });
  });

  it("refuses a bucket without its region or credentials, naming the variable", () => {
    for (const name of ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      expect(() => exportStorageSettings({ ...S3_VARIABLES, [name]: undefined }, "/x")).toThrow(
        `${name} is missing (required with EXPORT_STORAGE_URL)`,
      );
    }
  });
});
