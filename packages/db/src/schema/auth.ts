import { ROLES } from "@zones/domain";
import { index, pgEnum, pgTable, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";

import { zones } from "./catalogue";

export const userRole = pgEnum("user_role", ROLES);

/**
 * Users, sessions, accounts and verifications follow better-auth's core schema (its Drizzle adapter
 * maps onto these tables); role, zones and the disabled flag are ours.
 */
export const users = pgTable("users", (t) => ({
  id: t.text().primaryKey(),
  name: t.text().notNull(),
  email: t.text().notNull().unique(),
  emailVerified: t.boolean().notNull().default(false),
  image: t.text(),
  role: userRole().notNull().default("viewer"),
  disabled: t.boolean().notNull().default(false),
  /** Set when an admin resets the password: the user must choose a new one at the next login. */
  mustChangePassword: t.boolean().notNull().default(false),
  /** Set by better-auth's two-factor plugin once the user has confirmed a first authenticator code. */
  twoFactorEnabled: t.boolean().notNull().default(false),
  createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));

export const sessions = pgTable(
  "sessions",
  (t) => ({
    id: t.text().primaryKey(),
    token: t.text().notNull().unique(),
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    ipAddress: t.text(),
    userAgent: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const accounts = pgTable(
  "accounts",
  (t) => ({
    id: t.text().primaryKey(),
    accountId: t.text().notNull(),
    providerId: t.text().notNull(),
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: t.text(),
    refreshToken: t.text(),
    idToken: t.text(),
    accessTokenExpiresAt: t.timestamp({ withTimezone: true }),
    refreshTokenExpiresAt: t.timestamp({ withTimezone: true }),
    scope: t.text(),
    password: t.text(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("accounts_user_idx").on(table.userId)],
);

export const verifications = pgTable(
  "verifications",
  (t) => ({
    id: t.text().primaryKey(),
    identifier: t.text().notNull(),
    value: t.text().notNull(),
    expiresAt: t.timestamp({ withTimezone: true }).notNull(),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

/**
 * One authenticator (TOTP) per user, as better-auth's two-factor plugin stores it: the secret and the
 * backup codes encrypted with the auth secret; `verified` once the first code was confirmed; a failure
 * count and lock against guessing.
 */
export const twoFactors = pgTable(
  "two_factors",
  (t) => ({
    id: t.text().primaryKey(),
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secret: t.text().notNull(),
    backupCodes: t.text().notNull(),
    verified: t.boolean().notNull().default(true),
    failedVerificationCount: t.integer().notNull().default(0),
    lockedUntil: t.timestamp({ withTimezone: true }),
  }),
  (table) => [uniqueIndex("two_factors_user_idx").on(table.userId)],
);

/** The zones a zone official may enter data for. */
export const userZones = pgTable(
  "user_zones",
  (t) => ({
    userId: t
      .text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    zoneCode: t
      .text()
      .notNull()
      .references(() => zones.code),
  }),
  (table) => [primaryKey({ columns: [table.userId, table.zoneCode] })],
);

/** Failed sign-in counters per account and per IP (rate-limiter-flexible's Drizzle store). */
export const loginThrottles = pgTable("login_throttles", (t) => ({
  key: t.text().primaryKey(),
  points: t.integer().notNull(),
  expire: t.timestamp({ withTimezone: true }),
}));
