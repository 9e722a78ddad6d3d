// Plain JavaScript (typed in environment.d.mts): the production server (`apps/web/server.mjs`) checks its
// configuration with Node alone, before Next starts; `npm run worker` checks its own with the same rules.
import { z } from "zod";

/** A switch: 1/true/yes/on or 0/false/no/off (unset: off). */
const flag = () => z.stringbool({ error: "must be 1 or 0" });

/** The schemes of a PostgreSQL connection URL (the primary's and each replica's). */
const POSTGRES_PROTOCOL = /^postgres(ql)?$/;
const POSTGRES_URL = z.url({ protocol: POSTGRES_PROTOCOL });
const POSTGRES_URL_EXAMPLE = "postgres://user:password@host:5432/database";

/**
 * A comma-separated list of PostgreSQL URLs, each checked; the refusal says which entries are wrong by their
 * position, never by their text (a URL may hold a password).
 */
function postgresUrlList() {
  return z.string().transform((value, context) => {
    const urls = value.split(",").map((entry) => entry.trim());
    const problems = urls.flatMap((url, index) => {
      const position = `entry ${index + 1} of ${urls.length}`;
      if (url === "") return [`${position} is empty`];
      if (!POSTGRES_URL.safeParse(url).success) {
        return [`${position} is not one`];
      }
      const first = urls.indexOf(url);
      return first < index ? [`${position} repeats entry ${first + 1}`] : [];
    });
    if (problems.length > 0) {
      context.addIssue({
        code: "custom",
        message: `must be PostgreSQL connection URLs (${POSTGRES_URL_EXAMPLE}) separated by commas: ${problems.join(", ")}`,
      });
      return z.NEVER;
    }
    return urls;
  });
}

const STORAGE_URL_FORM = "must be s3://BUCKET or s3://BUCKET/PREFIX";
/** S3's bucket names (AWS, OSS and COS alike): 3–63 lowercase letters, digits, dots and hyphens. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A prefix's folder names: ASCII that needs no escaping in a key or a URL. */
const PREFIX_FOLDER = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * `EXPORT_STORAGE_URL` read: the bucket and the key prefix (without slashes at its ends; "" for the bucket's
 * root), or why it is not one.
 */
export function parseExportStorageUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return { problem: STORAGE_URL_FORM };
  }
  if (url.protocol !== "s3:") {
    return { problem: `${STORAGE_URL_FORM} (unset it to keep export files in EXPORT_DIR)` };
  }
  if (url.username || url.password || url.port || url.search || url.hash) {
    return {
      problem: `${STORAGE_URL_FORM}, without credentials, port, query or fragment (the S3_* variables say how to reach the bucket)`,
    };
  }
  if (!BUCKET_NAME.test(url.hostname) || url.hostname.includes("..")) {
    return {
      problem: `${STORAGE_URL_FORM}: a bucket name is 3–63 lowercase letters, digits, dots and hyphens`,
    };
  }
  // From the text, not the URL's path: the URL would resolve `..` and `.` away.
  const path = value.slice("s3://".length + url.hostname.length);
  const prefix = path.replace(/^\//, "").replace(/\/$/, "");
  if (prefix && !prefix.split("/").every((folder) => PREFIX_FOLDER.test(folder))) {
    return {
      problem: `${STORAGE_URL_FORM}: a prefix is folder names of ASCII letters, digits, ".", "_" and "-", separated by "/"`,
    };
  }
  return { bucket: url.hostname, prefix };
}

const MAIL_FROM_FORM =
  "must be an e-mail address, optionally with a name: 示范区监测 <noreply@example.gov.cn>";
/** An address as mail servers take it: local part, @, a domain with a dot; no spaces, brackets or quotes. */
const MAIL_ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;
/** `Name <address>` or `address`; the name may be Chinese (nodemailer encodes it), not hold brackets or quotes. */
const MAIL_FROM_WITH_NAME = /^([^<>"\r\n]*?)\s*<([^<>]+)>$/;

/** `MAIL_FROM` read: the sender as the messages say it, or why it is not one. */
export function parseMailFrom(value) {
  const trimmed = value.trim();
  const named = MAIL_FROM_WITH_NAME.exec(trimmed);
  const address = named ? named[2] : trimmed;
  if (!MAIL_ADDRESS.test(address)) return { problem: MAIL_FROM_FORM };
  return { from: trimmed, address };
}

/**
 * The variables every service process of a deployment reads (the web app and `npm run worker`), each declared
 * once. docs/operations.md#configuration lists them with the variables of each process.
 */
export const SERVICE_VARIABLES = {
  /** The PostgreSQL database; unset only for the demo and the tests (`ZONES_DEMO`), which use the embedded one. */
  DATABASE_URL: z.url({
    protocol: POSTGRES_PROTOCOL,
    error: `must be a PostgreSQL connection URL (${POSTGRES_URL_EXAMPLE})`,
  }),
  /**
   * Streaming replicas of DATABASE_URL, comma-separated, for the dashboards' and the exports' reads; everything
   * else reads and writes DATABASE_URL. Unset: no replicas.
   */
  DATABASE_REPLICA_URLS: postgresUrlList(),
  /** How far behind the primary a replica may be and still be read (whole seconds); further behind, skipped. */
  REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be 1 or more")
    .max(3600, "must be at most 3600"),
  /** Where the embedded store lives (the demo and tests only). */
  PGLITE_DIR: z.string().min(1),
  /** Where export files are written; default `.data/exports` at the repository root. */
  EXPORT_DIR: z.string().min(1),
  /** Export files in an S3-compatible bucket instead of EXPORT_DIR: `s3://bucket/prefix`. */
  EXPORT_STORAGE_URL: z.string().transform((value, context) => {
    const parsed = parseExportStorageUrl(value);
    if ("problem" in parsed) {
      context.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }
    return parsed;
  }),
  /** The S3 API's URL (MinIO, OSS, COS, …); unset: AWS's, for S3_REGION. */
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be the http(s) URL of the S3 API" })
    .refine((value) => !URL.canParse(value) || !new URL(value).username, {
      error: "must not hold credentials (S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY do)",
    }),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, "must be a region name such as us-east-1, cn-hangzhou or ap-guangzhou"),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** Path-style addresses (`host/bucket/key`): MinIO and emulators need them, OSS refuses them. */
  S3_FORCE_PATH_STYLE: flag(),
  /**
   * The SMTP server mail goes through: `smtp://user:password@host:587` (STARTTLS when the server offers it) or
   * `smtps://…:465`. Unset (the demo): mail is kept in the outbox, read at /admin/outbox.
   */
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: "must be an smtp:// or smtps:// URL (smtp://user:password@host:587)",
    })
    .refine((value) => !URL.canParse(value) || new URL(value).hostname !== "", {
      error: "must name the SMTP server's host",
    }),
  /** Who mail is from: an address, optionally with a display name. Required with SMTP_URL. */
  MAIL_FROM: z.string().transform((value, context) => {
    const parsed = parseMailFrom(value);
    if ("problem" in parsed) {
      context.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }
    return parsed.from;
  }),
  /**
   * Largest export file a schedule mails as an attachment, in MB (zipped when asked); larger ones are linked.
   * At most 25 (MAIL_ATTACHMENTS_MAX_BYTES, what the outgoing message may store). Unset: 10.
   */
  MAIL_ATTACHMENT_MAX_MB: z.coerce
    .number({ error: "must be a whole number of megabytes" })
    .int("must be a whole number of megabytes")
    .min(1, "must be 1 or more")
    .max(25, "must be at most 25 (larger files are linked, not attached)"),
  /**
   * Hosts a schedule's webhook may reach although they resolve to private or reserved addresses (an intranet
   * receiver), comma-separated host names or addresses; unset: webhooks reach public addresses only.
   */
  WEBHOOK_PRIVATE_HOSTS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[(.*)\]$/, "$1"),
        )
        .filter((host) => host !== ""),
    )
    .pipe(
      z.array(
        z
          .string()
          .max(253, "each host must be at most 253 characters")
          .regex(/^[a-z0-9.:-]+$/, "each entry must be a host name or an address, without scheme or port"),
      ),
    ),
  /** Signs session cookies. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)"),
  /**
   * Secrets retired by a rotation of BETTER_AUTH_SECRET (comma-separated, newest first), kept so that the
   * two-factor enrolments encrypted with them still open (packages/auth/src/secrets.ts).
   */
  BETTER_AUTH_PREVIOUS_SECRETS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((secret) => secret.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().min(32, "each secret must be at least 32 characters"))
        .max(10, "keep at most 10 retired secrets"),
    ),
  /** The app's public URL (its origin is the only one trusted to act for a signed-in user). */
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" }),
  /**
   * The web app's URL as this process reaches it, for printing the quarterly bulletin from the app's own page
   * (e.g. `http://127.0.0.1:3000` beside it, `http://web:3000` in containers). Unset: BETTER_AUTH_URL.
   */
  APP_INTERNAL_URL: z.url({ protocol: /^https?$/, error: "must be the web app's internal http(s) URL" }),
  /** The Chromium that prints the bulletin (Debian's `chromium` package); default /usr/bin/chromium. */
  CHROMIUM_PATH: z.string().min(1),
  /** Apply pending migrations when the process starts (otherwise only `npm run db:migrate` does). */
  MIGRATE_ON_START: flag(),
  /** How long a stopping process lets requests and exports in progress finish. */
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .min(0, "must be 0 or more")
    .max(600, "must be at most 600"),
  /**
   * How long a web process may answer reads (pages, dashboard queries) from a session it looked up before,
   * without asking the database again: the delay before disabling an account, a password reset or a sign-out
   * reaches the other processes' reads. Writes always ask the database. 0 turns the cache off.
   */
  SESSION_CACHE_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .min(0, "must be 0 or more")
    .max(60, "must be at most 60"),
  /** The demo and the tests: the embedded database and a generated secret are allowed. */
  ZONES_DEMO: flag(),
};

/**
 * Variables that mean something only beside another: the bucket of `EXPORT_STORAGE_URL` needs a region and
 * credentials, and the S3 variables without it would be ignored while files stay in EXPORT_DIR; `SMTP_URL`
 * needs a sender.
 */
export const DEPENDENT_VARIABLES = {
  EXPORT_STORAGE_URL: {
    required: ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
    optional: ["S3_ENDPOINT", "S3_FORCE_PATH_STYLE"],
    unused: "is set but EXPORT_STORAGE_URL is not (export files would stay in EXPORT_DIR)",
  },
  // MAIL_FROM alone is allowed (`unused: null`): the outbox's messages say it too.
  SMTP_URL: { required: ["MAIL_FROM"], optional: [], unused: null },
};

/** What a deployment must set; the demo and the tests (`ZONES_DEMO=1`) may leave them unset. */
export const PRODUCTION_VARIABLES = ["DATABASE_URL", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL"];

export const SHUTDOWN_GRACE_DEFAULT_SECONDS = 25;

/**
 * A replica further behind than this is skipped unless REPLICA_MAX_LAG_SECONDS says otherwise: dashboards of
 * quarterly figures may be half a minute old, and a hot standby holds replay back up to 30 s by default
 * (`max_standby_streaming_delay`) while a long export reads it.
 */
export const REPLICA_MAX_LAG_DEFAULT_SECONDS = 30;

/** Whether the process runs for the demo or the tests (ZONES_DEMO on). */
export function isDemo(source = process.env) {
  return SERVICE_VARIABLES.ZONES_DEMO.safeParse(source.ZONES_DEMO || "0").data === true;
}

/**
 * Reads the variables of `shape` from `source` at once: every one is checked, empty means unset, and the
 * PRODUCTION_VARIABLES the shape holds are required unless ZONES_DEMO is on. On failure, one message names
 * every missing or invalid variable and why, never a value (a URL may hold a password).
 */
export function readEnvironment(shape, source = process.env) {
  const optional = Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [name, schema.optional()]),
  );
  const given = Object.fromEntries(
    Object.keys(shape).map((name) => [name, source[name] === "" ? undefined : source[name]]),
  );
  const parsed = z.object(optional).safeParse(given);
  const problems = new Map();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const variable = String(issue.path[0]);
    if (!problems.has(variable)) problems.set(variable, issue.message);
  }
  if (!isDemo(source)) {
    for (const variable of PRODUCTION_VARIABLES) {
      if (variable in shape && given[variable] === undefined && !problems.has(variable)) {
        problems.set(variable, "is missing");
      }
    }
  }
  for (const [lead, rule] of Object.entries(DEPENDENT_VARIABLES)) {
    if (!(lead in shape)) continue;
    const dependents = given[lead] === undefined ? [...rule.required, ...rule.optional] : rule.required;
    for (const variable of dependents) {
      if (!(variable in shape) || problems.has(variable)) continue;
      if (given[lead] !== undefined && given[variable] === undefined) {
        problems.set(variable, `is missing (required with ${lead})`);
      } else if (given[lead] === undefined && given[variable] !== undefined && rule.unused !== null) {
        problems.set(variable, rule.unused);
      }
    }
  }
  if (problems.size === 0 && parsed.success) return { ok: true, values: parsed.data };
  const list = [...problems].map(([variable, problem]) => `${variable} ${problem}`);
  return {
    ok: false,
    variables: [...problems.keys()],
    message:
      `The configuration is incomplete or invalid: ${list.join("; ")}. ` +
      "See docs/operations.md#configuration (the demo and the tests set ZONES_DEMO=1 instead).",
  };
}
