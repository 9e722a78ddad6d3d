import { createLoader } from "nuqs/server";

import { parseAsPage } from "./params";

/** `/admin/outbox?page=2`: the page of the list (anything else reads as the first). */
export const loadOutboxParams = createLoader({ page: parseAsPage.withDefault(1) });
