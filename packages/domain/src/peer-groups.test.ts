import { describe, expect, it } from "vitest";
import { ZPeerGroupKeySchema } from "./peer-group-schema";
import {
  ALL_PEERS,
  inPeerGroup,
  type PeerGroup,
  parsePeerGroup,
  peerGroupKey,
  peerGroupName,
  peerGroupsOf,
  regionOfProvince,
} from "./peer-groups";
import { BUILT_IN_ZONES } from "./zones";

const GROUPS: PeerGroup[] = [
  ALL_PEERS,
  { kind: "batch", batch: 2 },
  { kind: "type", cityType: "resource-based" },
  { kind: "region", region: "central" },
];

describe("peer groups", () => {
  it("keys read back as the same group, and nothing else reads as a group", () => {
    for (const group of GROUPS) expect(parsePeerGroup(peerGroupKey(group))).toEqual(group);
    expect(GROUPS.map(peerGroupKey)).toEqual(["all", "batch-2", "type-resource-based", "region-central"]);
    for (const key of ["", "ALL", "batch-0", "batch-100", "batch-1x", "type-", "region-north", " all"]) {
      expect(parsePeerGroup(key)).toBeUndefined();
    }
  });

  it("the input schema defaults to all and refuses an unknown group naming the field", () => {
    expect(ZPeerGroupKeySchema.parse(undefined)).toBe("all");
    expect(ZPeerGroupKeySchema.parse("region-central")).toBe("region-central");
    const unknown = ZPeerGroupKeySchema.safeParse("region-mars");
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/^peers: unknown peer group "region-mars"/);
    expect(ZPeerGroupKeySchema.safeParse("x".repeat(5000)).error?.issues[0]?.message).toMatch(
      /^peers: at most/,
    );
    expect(ZPeerGroupKeySchema.safeParse(3).error?.issues[0]?.message).toMatch(/^peers:/);
  });

  it("membership follows the zone's batch, type and region", () => {
    const huangshi = BUILT_IN_ZONES.find((zone) => zone.code === "HB-HS");
    if (!huangshi) throw new Error("HB-HS missing");
    expect(GROUPS.map((group) => inPeerGroup(huangshi, group))).toEqual([true, false, true, true]);
    const central = BUILT_IN_ZONES.filter((zone) => inPeerGroup(zone, { kind: "region", region: "central" }));
    expect(central.map((zone) => zone.code)).toEqual(["SX-CZ", "AH-TL", "HB-HS", "HN-C", "JX-PX", "HA-W"]);
    expect(peerGroupsOf(huangshi).map(peerGroupKey)).toEqual([
      "batch-1",
      "type-resource-based",
      "region-central",
    ]);
  });

  it("every zone's region is its province's", () => {
    for (const zone of BUILT_IN_ZONES) expect(regionOfProvince(zone.province.zh)).toBe(zone.region);
  });

  it("names the group in both languages", () => {
    expect(GROUPS.map((group) => peerGroupName(group).zh)).toEqual([
      "全部示范区",
      "第2批示范区",
      "资源型城市",
      "中部地区",
    ]);
    expect(peerGroupName({ kind: "batch", batch: 1 }).en).toBe("Batch 1 zones");
  });
});
