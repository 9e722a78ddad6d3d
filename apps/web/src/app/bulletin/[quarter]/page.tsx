import { bulletinFigures } from "@zones/db/bulletin";
import { canReadBulletin, formatQuarterLabel, isBulletinQuarter, type Locale } from "@zones/domain";
import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";

import { BulletinActions } from "~/components/bulletin/bulletin-actions";
import { BulletinDocument } from "~/components/bulletin/bulletin-document";
import { readBulletinLanguage } from "~/components/bulletin/bulletin-format";
import { bulletinText } from "~/components/bulletin/bulletin-text";
import { requireUser } from "~/server/auth";
import { hasPrintToken } from "~/server/bulletin";
import { getCatalogue } from "~/server/catalogue";
import { getDb } from "~/server/db";
import type { SearchParams } from "~/url-state/params";
import { readQuarterInUrl } from "~/url-state/quarter";
import "./bulletin.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ quarter: string }>;

/** The quarter of the path by the one rule for quarters in URLs: a 404 for none, a redirect for a loose one. */
function quarterOf(segment: string) {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    notFound();
  }
  const read = readQuarterInUrl(text);
  if (read.action === "reject" || !isBulletinQuarter(read.quarter)) notFound();
  return read;
}

async function languageOf(search: SearchParams): Promise<Locale> {
  return readBulletinLanguage(search.lang) ?? ((await getLocale()) as Locale);
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const read = quarterOf((await params).quarter);
  const locale = await languageOf(await searchParams);
  return { title: bulletinText(locale)("metaTitle", { quarter: formatQuarterLabel(read.quarter, locale) }) };
}

/**
 * The quarterly bulletin, to read on screen and to print: reviewers and admins, and the headless browser that
 * prints the PDF (a print token for this quarter and language instead of a session). `?lang=` prints it in a
 * language other than the reader's.
 */
export default async function BulletinPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const raw = (await params).quarter;
  const search = await searchParams;
  const read = quarterOf(raw);
  const lang = readBulletinLanguage(search.lang);
  const query = lang ? `?lang=${lang}` : "";
  const printing = lang !== null && read.action === "use" && (await hasPrintToken(read.quarter, lang));
  if (!printing) {
    const user = await requireUser(`/bulletin/${encodeURIComponent(raw)}${query}`);
    if (!canReadBulletin(user)) notFound();
  }
  if (read.action === "redirect") redirect(`/bulletin/${read.quarter}${query}`);
  const locale = lang ?? ((await getLocale()) as Locale);
  const [figures, catalogue] = await Promise.all([
    getDb().then((db) => bulletinFigures(db, { quarter: read.quarter })),
    getCatalogue(),
  ]);
  const t = bulletinText(locale);
  return (
    <>
      {!printing && <BulletinActions t={t} quarter={read.quarter} />}
      <BulletinDocument
        t={t}
        locale={locale}
        quarter={read.quarter}
        figures={figures}
        issuedAt={new Date()}
        catalogue={catalogue}
      />
    </>
  );
}
