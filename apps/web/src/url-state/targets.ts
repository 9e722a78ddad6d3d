import { createUrlReader, parseAsPage } from "./params";

/** The plan targets' admin: `/admin/targets?page=2`. */
export const readTargetsParams = createUrlReader({ page: parseAsPage });
