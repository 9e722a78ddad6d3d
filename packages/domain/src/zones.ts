import { deepFreeze } from "./deep-freeze";
import { FIRST_QUARTER } from "./quarter-calendar";
import type { Zone } from "./types";

/**
 * Codes of the first-batch zones (2017), in display order.
 * A public contract: used in URLs, exports and demo accounts — never rename one.
 */
export const ZONE_CODES = [
  "LN-C",
  "JL-C",
  "NM-W",
  "HE-TS",
  "SX-CZ",
  "SD-ZB",
  "AH-TL",
  "HB-HS",
  "HN-C",
  "CQ-M",
  "SC-ZG",
  "NX-NE",
] as const;

/** One of the first batch's codes (`ZONE_CODES`). */
export type BuiltInZoneCode = (typeof ZONE_CODES)[number];

/** A zone's code: which exist is the catalogue's in the database to say (an admin adds zones). */
export type ZoneCode = string;

/** 发改振兴〔2017〕671号, April 2017 (the day is not in the notes: the 1st of the month). */
const FIRST_BATCH = {
  batch: 1,
  designatedYear: 2017,
  namedOn: "2017-04-01",
  reportsFrom: FIRST_QUARTER,
  retiredFrom: null,
} as const;

/** The second batch, August 2019 (the day is not in the notes): reporting from the quarter after. */
const SECOND_BATCH = {
  batch: 2,
  designatedYear: 2019,
  namedOn: "2019-08-01",
  reportsFrom: "2019Q4",
  retiredFrom: null,
} as const;

/**
 * The 12 first-batch 产业转型升级示范区. Member cities are as far as public sources confirm:
 * 重庆环都市区 lists only 荣昌 (its districts are not confirmed), and the boundary of 宁东 is not confirmed.
 */
export const ZONES: readonly Zone[] = deepFreeze([
  {
    code: "LN-C",
    cityType: "old-industrial",
    region: "northeast",
    name: { zh: "辽宁中部（沈阳—鞍山—抚顺）", en: "Central Liaoning (Shenyang–Anshan–Fushun)" },
    shortName: { zh: "辽宁中部", en: "Central Liaoning" },
    province: { zh: "辽宁", en: "Liaoning" },
    ...FIRST_BATCH,
    memberCities: [
      { code: "LN-C-SY", name: { zh: "沈阳", en: "Shenyang" } },
      { code: "LN-C-AS", name: { zh: "鞍山", en: "Anshan" } },
      { code: "LN-C-FS", name: { zh: "抚顺", en: "Fushun" } },
    ],
  },
  {
    code: "JL-C",
    cityType: "old-industrial",
    region: "northeast",
    name: { zh: "吉林中部（长春—吉林—松原）", en: "Central Jilin (Changchun–Jilin–Songyuan)" },
    shortName: { zh: "吉林中部", en: "Central Jilin" },
    province: { zh: "吉林", en: "Jilin" },
    ...FIRST_BATCH,
    memberCities: [
      { code: "JL-C-CC", name: { zh: "长春", en: "Changchun" } },
      { code: "JL-C-JL", name: { zh: "吉林", en: "Jilin" } },
      { code: "JL-C-SY", name: { zh: "松原", en: "Songyuan" } },
    ],
  },
  {
    code: "NM-W",
    cityType: "resource-based",
    region: "west",
    name: { zh: "内蒙古西部（包头—鄂尔多斯）", en: "Western Inner Mongolia (Baotou–Ordos)" },
    shortName: { zh: "蒙西", en: "Western Inner Mongolia" },
    province: { zh: "内蒙古", en: "Inner Mongolia" },
    ...FIRST_BATCH,
    memberCities: [
      { code: "NM-W-BT", name: { zh: "包头", en: "Baotou" } },
      { code: "NM-W-OR", name: { zh: "鄂尔多斯", en: "Ordos" } },
    ],
  },
  {
    code: "HE-TS",
    cityType: "resource-based",
    region: "east",
    name: { zh: "河北唐山", en: "Tangshan, Hebei" },
    shortName: { zh: "唐山", en: "Tangshan" },
    province: { zh: "河北", en: "Hebei" },
    ...FIRST_BATCH,
    memberCities: [{ code: "HE-TS-TS", name: { zh: "唐山", en: "Tangshan" } }],
  },
  {
    code: "SX-CZ",
    cityType: "resource-based",
    region: "central",
    name: { zh: "山西长治", en: "Changzhi, Shanxi" },
    shortName: { zh: "长治", en: "Changzhi" },
    province: { zh: "山西", en: "Shanxi" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SX-CZ-CZ", name: { zh: "长治", en: "Changzhi" } }],
  },
  {
    code: "SD-ZB",
    cityType: "old-industrial",
    region: "east",
    name: { zh: "山东淄博", en: "Zibo, Shandong" },
    shortName: { zh: "淄博", en: "Zibo" },
    province: { zh: "山东", en: "Shandong" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SD-ZB-ZB", name: { zh: "淄博", en: "Zibo" } }],
  },
  {
    code: "AH-TL",
    cityType: "resource-based",
    region: "central",
    name: { zh: "安徽铜陵", en: "Tongling, Anhui" },
    shortName: { zh: "铜陵", en: "Tongling" },
    province: { zh: "安徽", en: "Anhui" },
    ...FIRST_BATCH,
    memberCities: [{ code: "AH-TL-TL", name: { zh: "铜陵", en: "Tongling" } }],
  },
  {
    code: "HB-HS",
    cityType: "resource-based",
    region: "central",
    name: { zh: "湖北黄石", en: "Huangshi, Hubei" },
    shortName: { zh: "黄石", en: "Huangshi" },
    province: { zh: "湖北", en: "Hubei" },
    ...FIRST_BATCH,
    memberCities: [{ code: "HB-HS-HS", name: { zh: "黄石", en: "Huangshi" } }],
  },
  {
    code: "HN-C",
    cityType: "old-industrial",
    region: "central",
    name: { zh: "湖南中部（株洲—湘潭—娄底）", en: "Central Hunan (Zhuzhou–Xiangtan–Loudi)" },
    shortName: { zh: "湖南中部", en: "Central Hunan" },
    province: { zh: "湖南", en: "Hunan" },
    ...FIRST_BATCH,
    memberCities: [
      { code: "HN-C-ZZ", name: { zh: "株洲", en: "Zhuzhou" } },
      { code: "HN-C-XT", name: { zh: "湘潭", en: "Xiangtan" } },
      { code: "HN-C-LD", name: { zh: "娄底", en: "Loudi" } },
    ],
  },
  {
    code: "CQ-M",
    cityType: "old-industrial",
    region: "west",
    name: { zh: "重庆环都市区", en: "Chongqing Peri-Metropolitan Area" },
    shortName: { zh: "重庆环都市区", en: "Chongqing Peri-Metro" },
    province: { zh: "重庆", en: "Chongqing" },
    ...FIRST_BATCH,
    memberCities: [{ code: "CQ-M-RC", name: { zh: "荣昌", en: "Rongchang" } }],
  },
  {
    code: "SC-ZG",
    cityType: "resource-based",
    region: "west",
    name: { zh: "四川自贡", en: "Zigong, Sichuan" },
    shortName: { zh: "自贡", en: "Zigong" },
    province: { zh: "四川", en: "Sichuan" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SC-ZG-ZG", name: { zh: "自贡", en: "Zigong" } }],
  },
  {
    code: "NX-NE",
    cityType: "resource-based",
    region: "west",
    name: { zh: "宁夏东北部（石嘴山—宁东）", en: "Northeastern Ningxia (Shizuishan–Ningdong)" },
    shortName: { zh: "宁夏东北部", en: "Northeastern Ningxia" },
    province: { zh: "宁夏", en: "Ningxia" },
    ...FIRST_BATCH,
    memberCities: [
      { code: "NX-NE-SZS", name: { zh: "石嘴山", en: "Shizuishan" } },
      { code: "NX-NE-ND", name: { zh: "宁东", en: "Ningdong Energy and Chemical Industry Base" } },
    ],
  },
]);

/**
 * The 8 zones of the second batch (August 2019). Until an admin refines them, 北京京西 and 河南西部 have one
 * member city standing for the whole zone: their districts and cities are not in the domain notes.
 */
export const SECOND_BATCH_ZONES: readonly Zone[] = deepFreeze([
  {
    code: "BJ-JX",
    cityType: "old-industrial",
    region: "east",
    name: { zh: "北京京西", en: "Western Beijing" },
    shortName: { zh: "北京京西", en: "Western Beijing" },
    province: { zh: "北京", en: "Beijing" },
    ...SECOND_BATCH,
    memberCities: [{ code: "BJ-JX-JX", name: { zh: "京西", en: "Western Beijing" } }],
  },
  {
    code: "LN-DL",
    cityType: "old-industrial",
    region: "northeast",
    name: { zh: "辽宁大连沿海", en: "Coastal Dalian, Liaoning" },
    shortName: { zh: "大连沿海", en: "Coastal Dalian" },
    province: { zh: "辽宁", en: "Liaoning" },
    ...SECOND_BATCH,
    memberCities: [{ code: "LN-DL-DL", name: { zh: "大连", en: "Dalian" } }],
  },
  {
    code: "HL-DQ",
    cityType: "resource-based",
    region: "northeast",
    name: { zh: "黑龙江大庆", en: "Daqing, Heilongjiang" },
    shortName: { zh: "大庆", en: "Daqing" },
    province: { zh: "黑龙江", en: "Heilongjiang" },
    ...SECOND_BATCH,
    memberCities: [{ code: "HL-DQ-DQ", name: { zh: "大庆", en: "Daqing" } }],
  },
  {
    code: "JS-XZ",
    cityType: "resource-based",
    region: "east",
    name: { zh: "江苏徐州", en: "Xuzhou, Jiangsu" },
    shortName: { zh: "徐州", en: "Xuzhou" },
    province: { zh: "江苏", en: "Jiangsu" },
    ...SECOND_BATCH,
    memberCities: [{ code: "JS-XZ-XZ", name: { zh: "徐州", en: "Xuzhou" } }],
  },
  {
    code: "JX-PX",
    cityType: "resource-based",
    region: "central",
    name: { zh: "江西萍乡", en: "Pingxiang, Jiangxi" },
    shortName: { zh: "萍乡", en: "Pingxiang" },
    province: { zh: "江西", en: "Jiangxi" },
    ...SECOND_BATCH,
    memberCities: [{ code: "JX-PX-PX", name: { zh: "萍乡", en: "Pingxiang" } }],
  },
  {
    code: "HA-W",
    cityType: "old-industrial",
    region: "central",
    name: { zh: "河南西部", en: "Western Henan" },
    shortName: { zh: "河南西部", en: "Western Henan" },
    province: { zh: "河南", en: "Henan" },
    ...SECOND_BATCH,
    memberCities: [{ code: "HA-W-W", name: { zh: "河南西部", en: "Western Henan" } }],
  },
  {
    code: "GD-SG",
    cityType: "resource-based",
    region: "east",
    name: { zh: "广东韶关", en: "Shaoguan, Guangdong" },
    shortName: { zh: "韶关", en: "Shaoguan" },
    province: { zh: "广东", en: "Guangdong" },
    ...SECOND_BATCH,
    memberCities: [{ code: "GD-SG-SG", name: { zh: "韶关", en: "Shaoguan" } }],
  },
  {
    code: "GZ-LPS",
    cityType: "resource-based",
    region: "west",
    name: { zh: "贵州六盘水", en: "Liupanshui, Guizhou" },
    shortName: { zh: "六盘水", en: "Liupanshui" },
    province: { zh: "贵州", en: "Guizhou" },
    ...SECOND_BATCH,
    memberCities: [{ code: "GZ-LPS-LPS", name: { zh: "六盘水", en: "Liupanshui" } }],
  },
]);

/** Every zone the built-in catalogue seeds a new installation with: both batches, 20 zones. */
export const BUILT_IN_ZONES: readonly Zone[] = deepFreeze([...ZONES, ...SECOND_BATCH_ZONES]);

/** The built-in zones by code, both batches: a template or an upload names a zone of either. */
const zonesByCode = new Map<string, Zone>(BUILT_IN_ZONES.map((zone) => [zone.code, zone]));

/** Whether `code` is a zone of the built-in catalogue (either batch). */
export function isZoneCode(code: string): boolean {
  return zonesByCode.has(code);
}

export function findZone(code: string): Zone | undefined {
  return zonesByCode.get(code);
}

/** Like `findZone`, but throws on an unknown code. */
export function getZone(code: string): Zone {
  const zone = zonesByCode.get(code);
  if (!zone) throw new RangeError(`unknown zone code ${JSON.stringify(code)}`);
  return zone;
}
