import { MAX_PEER_GROUP_KEY_LENGTH, parsePeerGroup, peerGroupKey } from "@zones/domain";
import { createParser } from "nuqs/server";

/**
 * `peers=region-central`: the peer group a dashboard's band, ranking or heat table is computed among
 * (`all`, `batch-<n>`, `type-<city type>`, `region-<region>`). Anything else is ignored (named in the page's
 * notice), never guessed. The default, `all`, is left out of URLs.
 */
export const parseAsPeers = createParser<string>({
  parse: (text) => {
    if (text.length > MAX_PEER_GROUP_KEY_LENGTH) return null;
    const group = parsePeerGroup(text);
    return group ? peerGroupKey(group) : null;
  },
  serialize: (key) => key,
})
  .withDefault("all")
  .withOptions({ clearOnDefault: true });

/** `path` with `peers` added when a group other than every zone is chosen: links that keep the reader's group. */
export function withPeers(path: string, peers: string | null | undefined): string {
  if (!peers || peers === "all") return path;
  return `${path}${path.includes("?") ? "&" : "?"}peers=${encodeURIComponent(peers)}`;
}
