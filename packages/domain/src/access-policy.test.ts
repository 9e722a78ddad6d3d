import { describe, expect, it } from "vitest";

import {
  canAdjustEvaluation,
  canAdminister,
  canDefineEvaluation,
  canEnterData,
  canImportCityValues,
  canManageExportsOf,
  canOwnExportSchedules,
  canReadBulletin,
  canReadZoneDrafts,
  canReview,
  canSeeSubmitted,
  canSeeUnpublishedEvaluation,
  canWriteZone,
  followedZones,
  isBoundToZones,
  isZoneOfficial,
  type Principal,
  ROLES,
  toRole,
  writableZones,
  zonesRefusedForSubmitted,
} from "./access-policy";

const admin: Principal = { role: "admin", zoneCodes: [] };
const reviewer: Principal = { role: "reviewer", zoneCodes: [] };
const huangshi: Principal = { role: "official", zoneCodes: ["HB-HS"] };
const zibo: Principal = { role: "official", zoneCodes: ["SD-ZB"] };
const viewer: Principal = { role: "viewer", zoneCodes: [] };

describe("the access policy", () => {
  it("gives each role its rights, and nothing else", () => {
    const table = [admin, reviewer, huangshi, viewer].map((user) => ({
      role: user.role,
      administer: canAdminister(user),
      review: canReview(user),
      seeSubmitted: canSeeSubmitted(user),
      ownSchedules: canOwnExportSchedules(user),
      readBulletin: canReadBulletin(user),
      defineEvaluation: canDefineEvaluation(user),
      adjustEvaluation: canAdjustEvaluation(user),
      importCityValues: canImportCityValues(user),
      seeUnpublishedEvaluation: canSeeUnpublishedEvaluation(user),
      enterData: canEnterData(user),
      boundToZones: isBoundToZones(user.role),
    }));
    expect(table).toEqual([
      {
        role: "admin",
        administer: true,
        review: true,
        seeSubmitted: true,
        ownSchedules: true,
        readBulletin: true,
        defineEvaluation: true,
        adjustEvaluation: true,
        importCityValues: true,
        seeUnpublishedEvaluation: true,
        enterData: true,
        boundToZones: false,
      },
      {
        role: "reviewer",
        administer: false,
        review: true,
        seeSubmitted: true,
        ownSchedules: true,
        readBulletin: true,
        defineEvaluation: false,
        adjustEvaluation: true,
        importCityValues: true,
        seeUnpublishedEvaluation: true,
        enterData: false,
        boundToZones: false,
      },
      {
        role: "official",
        administer: false,
        review: false,
        seeSubmitted: false,
        ownSchedules: false,
        readBulletin: false,
        defineEvaluation: false,
        adjustEvaluation: false,
        importCityValues: false,
        seeUnpublishedEvaluation: false,
        enterData: true,
        boundToZones: true,
      },
      {
        role: "viewer",
        administer: false,
        review: false,
        seeSubmitted: false,
        ownSchedules: false,
        readBulletin: false,
        defineEvaluation: false,
        adjustEvaluation: false,
        importCityValues: false,
        seeUnpublishedEvaluation: false,
        enterData: false,
        boundToZones: false,
      },
    ]);
  });

  it("lets an official write and read the drafts of their own zones only; admins write any, reviewers read any", () => {
    expect([admin, reviewer, huangshi, zibo, viewer].map((user) => canWriteZone(user, "HB-HS"))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect([admin, reviewer, huangshi, zibo, viewer].map((user) => canReadZoneDrafts(user, "HB-HS"))).toEqual(
      [true, true, true, false, false],
    );
    expect(isZoneOfficial(huangshi, "HB-HS")).toBe(true);
    expect(isZoneOfficial(admin, "HB-HS")).toBe(false);
    // A zone list on a non-official (stale data) grants nothing.
    expect(canWriteZone({ role: "viewer", zoneCodes: ["HB-HS"] }, "HB-HS")).toBe(false);
    expect(canReadZoneDrafts({ role: "viewer", zoneCodes: ["HB-HS"] }, "HB-HS")).toBe(false);
  });

  it("says which zones each user follows and may write", () => {
    expect(followedZones(admin)).toBe("all");
    expect(followedZones(reviewer)).toBe("all");
    expect(followedZones(huangshi)).toEqual(["HB-HS"]);
    expect(followedZones(viewer)).toEqual([]);
    const catalogue = ["HB-HS", "SD-ZB", "SX-CZ"];
    expect(writableZones(admin, catalogue)).toEqual(catalogue);
    expect(writableZones(huangshi, catalogue)).toEqual(["HB-HS"]);
    expect(writableZones(reviewer, catalogue)).toEqual([]);
  });

  it("lets admins manage every export, others their own", () => {
    expect(canManageExportsOf(admin, "someone", "me")).toBe(true);
    expect(canManageExportsOf(reviewer, "me", "me")).toBe(true);
    expect(canManageExportsOf(reviewer, "someone", "me")).toBe(false);
    expect(canManageExportsOf(viewer, null, "me")).toBe(false);
  });

  it("refuses submitted data for export by zone for officials, by role for viewers", () => {
    expect(zonesRefusedForSubmitted(reviewer, ["HB-HS", "SD-ZB"])).toEqual([]);
    expect(zonesRefusedForSubmitted(huangshi, ["HB-HS", "SD-ZB"])).toEqual(["SD-ZB"]);
    expect(zonesRefusedForSubmitted(huangshi, ["HB-HS"])).toEqual([]);
    expect(zonesRefusedForSubmitted(viewer, ["HB-HS"])).toBe("role");
  });

  it("reads a stored role, and anything unknown as the least, viewer", () => {
    for (const role of ROLES) expect(toRole(role)).toBe(role);
    for (const stored of ["guest", "", null, undefined, "ADMIN"]) expect(toRole(stored)).toBe("viewer");
  });
});
