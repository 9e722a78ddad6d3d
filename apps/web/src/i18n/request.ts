import { DEFAULT_TIME_ZONE } from "@zones/domain";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { LOCALE_COOKIE, toLocale } from "./locales";

/**
 * Chinese first; the English switch is a cookie, so URLs stay the same in both languages.
 * The data-entry, review, import, dashboard, compare, export, notification and evaluation screens keep their texts in files of their own
 * (one namespace each).
 */
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const [
    base,
    entry,
    review,
    imports,
    dashboard,
    compare,
    exports,
    notifications,
    bulletin,
    catalogue,
    evaluation,
    targets,
    peers,
  ] = await Promise.all([
    import(`../messages/${locale}.json`),
    import(`../messages/${locale}/entry.json`),
    import(`../messages/${locale}/review.json`),
    import(`../messages/${locale}/imports.json`),
    import(`../messages/${locale}/dashboard.json`),
    import(`../messages/${locale}/compare.json`),
    import(`../messages/${locale}/exports.json`),
    import(`../messages/${locale}/notifications.json`),
    import(`../messages/${locale}/bulletin.json`),
    import(`../messages/${locale}/catalogue.json`),
    import(`../messages/${locale}/evaluation.json`),
    import(`../messages/${locale}/targets.json`),
    import(`../messages/${locale}/peers.json`),
  ]);
  return {
    locale,
    messages: {
      ...base.default,
      entry: entry.default,
      review: review.default,
      imports: imports.default,
      dashboard: dashboard.default,
      compare: compare.default,
      exports: exports.default,
      notifications: notifications.default,
      bulletin: bulletin.default,
      catalogue: catalogue.default,
      evaluation: evaluation.default,
      targets: targets.default,
      peers: peers.default,
    },
    timeZone: DEFAULT_TIME_ZONE,
  };
});
