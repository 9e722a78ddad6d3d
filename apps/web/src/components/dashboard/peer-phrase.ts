import { type Locale, localized, type PeerGroup, parsePeerGroup, peerGroupName } from "@zones/domain";

/** The `peers` messages' `group` entry, as both next-intl's server and client translators give it. */
type GroupMessage = (key: "group", values: { kind: PeerGroup["kind"]; name: string }) => string;

/**
 * `同类型城市（资源型城市）`, `the same region (Central)`: what a caption calls the group of a key. Shared by
 * the client pickers (`usePeerGroupPhrase`) and the overview's server-rendered heat table.
 */
export function peerGroupPhrase(t: GroupMessage, locale: Locale, key: string): string {
  const group: PeerGroup = parsePeerGroup(key) ?? { kind: "all" };
  return t("group", { kind: group.kind, name: localized(peerGroupName(group), locale) });
}
