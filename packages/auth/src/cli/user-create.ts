import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { openDatabase } from "@zones/db/client";
import { findUserIdByEmail } from "@zones/db/users";

import { createAuth } from "../auth";
import { resolveAuthSecret } from "../secret";
import { createUser, ZNewUserSchema } from "../users";

/**
 * `npm run user:create -- --email ops@example.gov.cn --role admin [--name 张三] [--zone HB-HS]…`
 * Bootstraps the first admin of a real deployment (or any account). The password comes from
 * ZONES_NEW_PASSWORD, or is generated, printed once, and must be changed at the first sign-in.
 */
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    zone: { type: "string", multiple: true, default: [] },
  },
});

const given = process.env.ZONES_NEW_PASSWORD;
const password = given ?? `${randomBytes(12).toString("base64url")}-Zn`;
const parsed = ZNewUserSchema.safeParse({
  email: values.email,
  role: values.role,
  name: values.name ?? values.email?.split("@")[0] ?? "",
  zoneCodes: values.zone,
  password,
  mustChangePassword: given === undefined,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`✗ ${issue.message}`);
  console.error(
    "Usage: npm run user:create -- --email EMAIL --role admin|reviewer|official|viewer [--name NAME] [--zone CODE]…",
  );
  process.exit(2);
}

const handle = await openDatabase();
try {
  if (await findUserIdByEmail(handle.db, parsed.data.email)) {
    throw new Error(`${parsed.data.email} already has an account`);
  }
  const auth = createAuth({ db: handle.db, secret: await resolveAuthSecret(handle.db) });
  const { id } = await createUser(auth, handle.db, parsed.data, null);
  console.log(
    `✓ Created ${parsed.data.role} ${parsed.data.email} (${id}) in ${handle.engine} (${handle.location}).`,
  );
  if (given === undefined) {
    console.log(`  Initial password (shown once; to be changed at first sign-in): ${password}`);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✗ ${message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
