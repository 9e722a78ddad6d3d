export { type BulletinFigures, bulletinFigures } from "./bulletin";
export {
  type BulletinCompletenessRow,
  type BulletinHeadlineRow,
  type BulletinTrendRow,
  bulletinCompleteness,
  bulletinHeadlines,
  bulletinSpan,
  bulletinTrends,
} from "./figures";
export {
  type BulletinRecord,
  type BulletinRevisionRow,
  bulletinDataVersion,
  bulletinRevisions,
  findBulletin,
  previousBulletinAt,
  recordBulletin,
} from "./records";
