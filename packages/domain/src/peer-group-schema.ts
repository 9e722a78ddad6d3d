import { z } from "zod";

import { CITY_TYPES, MAX_PEER_GROUP_KEY_LENGTH, parsePeerGroup, REGIONS } from "./peer-groups";

// Apart from the peer groups themselves, so that the pages' peer picker loads no zod (about 30 kB gzip).

/**
 * `peers` of the dashboards' inputs: a peer-group key, kept as its canonical text (the answer cache's key
 * and the URL carry the same string). Absent means every zone; an unknown key is refused, naming the field.
 */
export const ZPeerGroupKeySchema = z
  .string({ error: (issue) => `peers: expected a peer group such as "all", got ${typeof issue.input}` })
  .max(MAX_PEER_GROUP_KEY_LENGTH, {
    error: `peers: at most ${MAX_PEER_GROUP_KEY_LENGTH} characters (a peer group such as "region-central")`,
    abort: true,
  })
  .refine((key) => parsePeerGroup(key) !== undefined, {
    error: (issue) =>
      `peers: unknown peer group ${JSON.stringify(issue.input)}: expected all, batch-<n>, ${CITY_TYPES.map(
        (type) => `type-${type}`,
      ).join(", ")} or ${REGIONS.map((region) => `region-${region}`).join(", ")}`,
  })
  .default("all");
