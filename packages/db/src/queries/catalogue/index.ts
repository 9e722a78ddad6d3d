export {
  addIndicator,
  addZone,
  type CatalogueActor,
  setIndicatorRetired,
  setZoneRetired,
  updateIndicator,
  updateZone,
  type ZoneEditOutcome,
} from "./edits";
export {
  cachedCatalogue,
  createCatalogueCache,
  readCatalogue,
  readCatalogueVersion,
  referenceUnitCodes,
} from "./read";
