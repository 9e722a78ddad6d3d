import { createLoader } from "nuqs/server";

import { parseAsPage } from "./params";

/** `/notifications?page=2`: the page of the list (anything else reads as the first). */
export const loadNotificationsParams = createLoader({ page: parseAsPage.withDefault(1) });
