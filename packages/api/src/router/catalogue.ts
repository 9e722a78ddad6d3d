import {
  addIndicator,
  addZone,
  cachedCatalogue,
  setIndicatorRetired,
  setZoneRetired,
  updateIndicator,
  updateZone,
  type ZoneEditOutcome,
} from "@zones/db/catalogue";
import {
  checkIndicatorEdit,
  checkZoneEdit,
  type ErrorFieldIssue,
  ZIndicatorEditSchema,
  ZNewIndicatorSchema,
  ZonesError,
  ZQuarterSchema,
  ZZoneEditSchema,
} from "@zones/domain";
import { z } from "zod";

import { message } from "../messages";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

function refuseIssues(issues: readonly ErrorFieldIssue[]): void {
  if (issues.length > 0) {
    throw new ZonesError("invalid", message("catalogue.invalid", { count: issues.length }), { issues });
  }
}

function answerZoneOutcome(outcome: ZoneEditOutcome, code: string): { ok: true } {
  switch (outcome) {
    case "done":
      return { ok: true };
    case "zone-taken":
      throw fieldRefusal("conflict", "code", message("catalogue.zoneTaken", { code }));
    case "city-taken":
      throw fieldRefusal("conflict", "memberCities", message("catalogue.cityTaken"));
    case "not-found":
      throw fieldRefusal("not-found", "code", message("catalogue.zoneNotFound", { code }));
  }
}

function fieldRefusal(code: "conflict" | "not-found", field: string, refusal: ReturnType<typeof message>) {
  return new ZonesError(code, refusal, { issues: [{ path: [field], message: refusal }] });
}

const ZZoneCodeInput = z.string().trim().min(1).max(12);
const ZIndicatorCodeInput = z.string().trim().min(1).max(40);

/**
 * The catalogue (zones, member cities, indicators) as the database holds it: everyone signed in reads it; admins
 * edit it, each change audited and bumping the catalogue's version.
 */
export const catalogueRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => cachedCatalogue(ctx.db)),

  addZone: adminProcedure.input(ZZoneEditSchema).mutation(async ({ ctx, input }) => {
    refuseIssues(checkZoneEdit(input));
    return answerZoneOutcome(await addZone(ctx.db, input, { actorId: ctx.user.id }), input.code);
  }),

  updateZone: adminProcedure.input(ZZoneEditSchema).mutation(async ({ ctx, input }) => {
    refuseIssues(checkZoneEdit(input));
    return answerZoneOutcome(await updateZone(ctx.db, input, { actorId: ctx.user.id }), input.code);
  }),

  /** Retires a zone from a quarter on (its history kept), or reinstates it with `retiredFrom: null`. */
  setZoneRetired: adminProcedure
    .input(z.object({ code: ZZoneCodeInput, retiredFrom: ZQuarterSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      const found = await setZoneRetired(ctx.db, input, { actorId: ctx.user.id });
      if (!found)
        throw fieldRefusal("not-found", "code", message("catalogue.zoneNotFound", { code: input.code }));
      return { ok: true };
    }),

  updateIndicator: adminProcedure.input(ZIndicatorEditSchema).mutation(async ({ ctx, input }) => {
    refuseIssues(checkIndicatorEdit(input));
    const found = await updateIndicator(ctx.db, input, { actorId: ctx.user.id });
    if (!found) {
      throw fieldRefusal("not-found", "code", message("catalogue.indicatorNotFound", { code: input.code }));
    }
    return { ok: true };
  }),

  addIndicator: adminProcedure.input(ZNewIndicatorSchema).mutation(async ({ ctx, input }) => {
    refuseIssues(checkIndicatorEdit(input));
    const added = await addIndicator(ctx.db, input, { actorId: ctx.user.id });
    if (!added)
      throw fieldRefusal("conflict", "code", message("catalogue.indicatorTaken", { code: input.code }));
    return { ok: true };
  }),

  /** Retires an indicator after a year (reported up to it; history kept), or reinstates it with null. */
  setIndicatorRetired: adminProcedure
    .input(
      z.object({ code: ZIndicatorCodeInput, retiredAfter: z.number().int().min(2017).max(2100).nullable() }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await setIndicatorRetired(ctx.db, input, { actorId: ctx.user.id });
      if (!found) {
        throw fieldRefusal("not-found", "code", message("catalogue.indicatorNotFound", { code: input.code }));
      }
      return { ok: true };
    }),
});
