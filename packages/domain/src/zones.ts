import { deepFreeze } from "./deep-freeze";
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

export type ZoneCode = (typeof ZONE_CODES)[number];

const FIRST_BATCH = { batch: 1, designatedYear: 2017 } as const;

/**
 * The 12 first-batch 产业转型升级示范区. Member cities are as far as public sources confirm:
 * 重庆环都市区 lists only 荣昌 (its districts are not confirmed), and the boundary of 宁东 is not confirmed.
 */
export const ZONES: readonly Zone[] = deepFreeze([
  {
    code: "LN-C",
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
    name: { zh: "河北唐山", en: "Tangshan, Hebei" },
    shortName: { zh: "唐山", en: "Tangshan" },
    province: { zh: "河北", en: "Hebei" },
    ...FIRST_BATCH,
    memberCities: [{ code: "HE-TS-TS", name: { zh: "唐山", en: "Tangshan" } }],
  },
  {
    code: "SX-CZ",
    name: { zh: "山西长治", en: "Changzhi, Shanxi" },
    shortName: { zh: "长治", en: "Changzhi" },
    province: { zh: "山西", en: "Shanxi" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SX-CZ-CZ", name: { zh: "长治", en: "Changzhi" } }],
  },
  {
    code: "SD-ZB",
    name: { zh: "山东淄博", en: "Zibo, Shandong" },
    shortName: { zh: "淄博", en: "Zibo" },
    province: { zh: "山东", en: "Shandong" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SD-ZB-ZB", name: { zh: "淄博", en: "Zibo" } }],
  },
  {
    code: "AH-TL",
    name: { zh: "安徽铜陵", en: "Tongling, Anhui" },
    shortName: { zh: "铜陵", en: "Tongling" },
    province: { zh: "安徽", en: "Anhui" },
    ...FIRST_BATCH,
    memberCities: [{ code: "AH-TL-TL", name: { zh: "铜陵", en: "Tongling" } }],
  },
  {
    code: "HB-HS",
    name: { zh: "湖北黄石", en: "Huangshi, Hubei" },
    shortName: { zh: "黄石", en: "Huangshi" },
    province: { zh: "湖北", en: "Hubei" },
    ...FIRST_BATCH,
    memberCities: [{ code: "HB-HS-HS", name: { zh: "黄石", en: "Huangshi" } }],
  },
  {
    code: "HN-C",
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
    name: { zh: "重庆环都市区", en: "Chongqing Peri-Metropolitan Area" },
    shortName: { zh: "重庆环都市区", en: "Chongqing Peri-Metro" },
    province: { zh: "重庆", en: "Chongqing" },
    ...FIRST_BATCH,
    memberCities: [{ code: "CQ-M-RC", name: { zh: "荣昌", en: "Rongchang" } }],
  },
  {
    code: "SC-ZG",
    name: { zh: "四川自贡", en: "Zigong, Sichuan" },
    shortName: { zh: "自贡", en: "Zigong" },
    province: { zh: "四川", en: "Sichuan" },
    ...FIRST_BATCH,
    memberCities: [{ code: "SC-ZG-ZG", name: { zh: "自贡", en: "Zigong" } }],
  },
  {
    code: "NX-NE",
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

const zonesByCode = new Map<string, Zone>(ZONES.map((zone) => [zone.code, zone]));

export function isZoneCode(code: string): code is ZoneCode {
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
