import { listPeriods, updatePeriod } from "@zones/db/periods";
import { defaultDeadline, PERIOD_STATUSES, ZQuarterSchema } from "@zones/domain";
import { z } from "zod";

import { adminProcedure, createTRPCRouter } from "../trpc";

export const PERIODS_PAGE_SIZE = 20;

/** Deadlines of the programme's quarters (from 2017) with room either side; PostgreSQL has no year 0. */
const DEADLINE_YEARS = { min: 2000, max: 2099 };

const ZIsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "deadline: must be a date like 2026-10-25" })
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    {
      error: "deadline: not a calendar date",
    },
  )
  .refine(
    (text) => {
      const year = Number(text.slice(0, 4));
      return year >= DEADLINE_YEARS.min && year <= DEADLINE_YEARS.max;
    },
    { error: `deadline: must be a date from ${DEADLINE_YEARS.min} to ${DEADLINE_YEARS.max}` },
  );

export const periodRouter = createTRPCRouter({
  /** Reporting periods, newest first, with how many submissions wait or are approved. */
  list: adminProcedure
    .input(
      z
        .object({ page: z.number().int().min(1, { error: "page: must be 1 or more" }).default(1) })
        .default({ page: 1 }),
    )
    .query(async ({ ctx, input }) => {
      const result = await listPeriods(ctx.db, {
        limit: PERIODS_PAGE_SIZE,
        offset: (input.page - 1) * PERIODS_PAGE_SIZE,
      });
      return { ...result, page: input.page, pageSize: PERIODS_PAGE_SIZE };
    }),

  /**
   * Opens, closes or re-dates a quarter. Without a deadline the current one stays; a new quarter gets
   * 25 days after its end (Asia/Shanghai). Submissions after the deadline are accepted and marked late.
   */
  update: adminProcedure
    .input(
      z.object({
        quarter: ZQuarterSchema,
        status: z.enum(PERIOD_STATUSES, {
          error: "status: must be not_open, open or closed",
        }),
        deadline: ZIsoDateSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      updatePeriod(ctx.db, {
        quarter: input.quarter,
        status: input.status,
        deadline: input.deadline,
        defaultDeadline: defaultDeadline(input.quarter),
        actorId: ctx.user.id,
      }),
    ),
});
