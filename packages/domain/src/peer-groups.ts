import { deepFreeze } from "./deep-freeze";
import type { LocalizedText } from "./types";

/**
 * The primary type of a zone's cities, after the two plans the programme serves: the 2013 plan for the
 * 120 old industrial cities (老工业城市) and the 2013 plan for the 126 resource-based cities (资源型城市).
 * Many cities are on both lists; a zone carries the one its transformation is mainly about, editable by admins.
 */
export const CITY_TYPES = ["old-industrial", "resource-based"] as const;
export type CityType = (typeof CITY_TYPES)[number];

export const CITY_TYPE_NAMES: Readonly<Record<CityType, LocalizedText>> = deepFreeze({
  "old-industrial": { zh: "老工业城市", en: "Old industrial base" },
  "resource-based": { zh: "资源型城市", en: "Resource-based city" },
});

/** The four economic regions of China's statistics (东部、中部、西部、东北). */
export const REGIONS = ["northeast", "east", "central", "west"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<Region, LocalizedText>> = deepFreeze({
  northeast: { zh: "东北地区", en: "Northeast" },
  east: { zh: "东部地区", en: "East" },
  central: { zh: "中部地区", en: "Central" },
  west: { zh: "西部地区", en: "West" },
});

/** Provinces (by their Chinese short name) in each economic region, as the National Bureau of Statistics divides them. */
const PROVINCES_BY_REGION: Readonly<Record<Region, readonly string[]>> = deepFreeze({
  northeast: ["辽宁", "吉林", "黑龙江"],
  east: ["北京", "天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"],
  central: ["山西", "安徽", "江西", "河南", "湖北", "湖南"],
  west: ["内蒙古", "广西", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"],
});

/** The economic region of a province given by its Chinese short name (辽宁, 内蒙古…), or undefined. */
export function regionOfProvince(provinceZh: string): Region | undefined {
  return REGIONS.find((region) => PROVINCES_BY_REGION[region].includes(provinceZh.trim()));
}

/**
 * The peers a zone is compared with: every zone, or the zones of one batch, city type or region.
 * Kept in URLs as `all`, `batch-<n>`, `type-<city type>`, `region-<region>`.
 */
export type PeerGroup =
  | { kind: "all" }
  | { kind: "batch"; batch: number }
  | { kind: "type"; cityType: CityType }
  | { kind: "region"; region: Region };

export const ALL_PEERS: PeerGroup = Object.freeze({ kind: "all" });

export function peerGroupKey(group: PeerGroup): string {
  switch (group.kind) {
    case "all":
      return "all";
    case "batch":
      return `batch-${group.batch}`;
    case "type":
      return `type-${group.cityType}`;
    case "region":
      return `region-${group.region}`;
  }
}

/** The peer group a URL value names, or undefined for anything else (an unknown value is never guessed). */
export function parsePeerGroup(key: string): PeerGroup | undefined {
  if (key === "all") return ALL_PEERS;
  const batch = /^batch-([1-9][0-9]?)$/.exec(key);
  if (batch?.[1]) return { kind: "batch", batch: Number(batch[1]) };
  if (key.startsWith("type-")) {
    const cityType = CITY_TYPES.find((type) => `type-${type}` === key);
    return cityType ? { kind: "type", cityType } : undefined;
  }
  if (key.startsWith("region-")) {
    const region = REGIONS.find((name) => `region-${name}` === key);
    return region ? { kind: "region", region } : undefined;
  }
  return undefined;
}

/** What a zone needs for peer groups. */
export interface PeerAttributes {
  batch: number;
  cityType: CityType;
  region: Region;
}

export function inPeerGroup(zone: PeerAttributes, group: PeerGroup): boolean {
  switch (group.kind) {
    case "all":
      return true;
    case "batch":
      return zone.batch === group.batch;
    case "type":
      return zone.cityType === group.cityType;
    case "region":
      return zone.region === group.region;
  }
}

/** Longest peer-group key a URL or an API input may carry (`type-resource-based` is 19). */
export const MAX_PEER_GROUP_KEY_LENGTH = 32;

/**
 * The group's name in captions and the picker: 全部示范区, 第1批示范区, 资源型城市, 中部地区.
 * `kind` lets a caption say what the group has in common (同批次, 同类型城市, 同地区).
 */
export function peerGroupName(group: PeerGroup): LocalizedText {
  switch (group.kind) {
    case "all":
      return { zh: "全部示范区", en: "All zones" };
    case "batch":
      return { zh: `第${group.batch}批示范区`, en: `Batch ${group.batch} zones` };
    case "type":
      return CITY_TYPE_NAMES[group.cityType];
    case "region":
      return REGION_NAMES[group.region];
  }
}

/** The groups a zone belongs to (its batch, its city type, its region): the zone page's shortcuts. */
export function peerGroupsOf(zone: Partial<PeerAttributes> & { batch: number }): PeerGroup[] {
  return [
    { kind: "batch", batch: zone.batch },
    ...(zone.cityType ? [{ kind: "type", cityType: zone.cityType } as const] : []),
    ...(zone.region ? [{ kind: "region", region: zone.region } as const] : []),
  ];
}
