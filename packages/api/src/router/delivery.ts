import { addAllowedMailDomain, listAllowedMailDomains, removeAllowedMailDomain } from "@zones/db/exports";
import { MAIL_DOMAIN_PATTERN, MAX_ALLOWED_MAIL_DOMAINS, ZonesError } from "@zones/domain";
import { z } from "zod";

import { message } from "../messages";
import { adminProcedure, createTRPCRouter, reviewerProcedure } from "../trpc";

const ZDomainSchema = z
  .string({ error: "domain: expected a domain name such as example.gov.cn" })
  .trim()
  .toLowerCase()
  .max(253, { error: "domain: at most 253 characters" })
  .transform((domain) => domain.replace(/^@/, ""))
  .refine((domain) => MAIL_DOMAIN_PATTERN.test(domain), {
    error: (issue) => `domain: ${JSON.stringify(issue.input)} is not a domain name such as example.gov.cn`,
  });

/** Outside mail domains schedules may deliver to: admins keep the list, schedule owners read it. */
export const deliveryRouter = createTRPCRouter({
  domains: reviewerProcedure.query(async ({ ctx }) => ({
    domains: await listAllowedMailDomains(ctx.db),
    max: MAX_ALLOWED_MAIL_DOMAINS,
  })),

  addDomain: adminProcedure.input(z.object({ domain: ZDomainSchema })).mutation(async ({ ctx, input }) => {
    const added = await addAllowedMailDomain(ctx.db, input.domain, ctx.user.id);
    if (!added) {
      const refusal = message("exports.domainsFull", { max: MAX_ALLOWED_MAIL_DOMAINS });
      throw new ZonesError("invalid", refusal, { issues: [{ path: ["domain"], message: refusal }] });
    }
    return { domain: input.domain };
  }),

  /** Schedules listing addresses of a removed domain keep them, but cannot be saved again with them. */
  removeDomain: adminProcedure
    .input(z.object({ domain: ZDomainSchema }))
    .mutation(async ({ ctx, input }) => ({
      removed: await removeAllowedMailDomain(ctx.db, input.domain),
    })),
});
