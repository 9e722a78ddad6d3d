import "server-only";

import { cachedCatalogue } from "@zones/db/catalogue";
import type { Catalogue } from "@zones/domain";
import { cache } from "react";

import { getDb } from "./db";

/**
 * The catalogue in the database, once per request (the process's copy, revalidated by its version): the zones
 * and indicators the pages name and list. Read from the primary, so that an admin's edit shows at once.
 */
export const getCatalogue = cache(async (): Promise<Catalogue> => cachedCatalogue(await getDb()));
