import type { Database } from "../client";
import { findUserIdByEmail, insertUserWithCredential, type UserRole } from "../queries/users";

/** Contract: the demo accounts README and `npm run demo` print. They exist only in demo installations. */
export const DEMO_PASSWORD = "zones-demo-2026";

export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  name: string;
  role: UserRole;
  zoneCodes: string[];
}> = [
  { email: "admin@demo.local", name: "演示管理员", role: "admin", zoneCodes: [] },
  { email: "reviewer@demo.local", name: "演示审核员", role: "reviewer", zoneCodes: [] },
  { email: "huangshi@demo.local", name: "黄石填报员", role: "official", zoneCodes: ["HB-HS"] },
  { email: "viewer@demo.local", name: "演示查看员", role: "viewer", zoneCodes: [] },
  // A zone of the second batch (2019), mid-entry in the open quarter as Huangshi is.
  { email: "shaoguan@demo.local", name: "韶关填报员", role: "official", zoneCodes: ["GD-SG"] },
];

/** Creates the missing demo accounts; the password is hashed by the caller's auth library. */
export async function seedDemoUsers(db: Database, hashPassword: (password: string) => Promise<string>) {
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserIdByEmail(db, account.email)) continue;
    await insertUserWithCredential(
      db,
      { ...account, passwordHash: await hashPassword(DEMO_PASSWORD) },
      { actorId: null },
    );
  }
}
