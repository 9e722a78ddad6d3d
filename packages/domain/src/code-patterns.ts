/*
 * What zone and indicator codes look like, apart from the schemas (zod): the pages' URL readers check codes
 * with them and must not load zod.
 */
export const ZONE_CODE_PATTERN = /^[A-Z]{2}-[A-Z]{1,4}$/;
export const INDICATOR_CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+){0,5}$/;
