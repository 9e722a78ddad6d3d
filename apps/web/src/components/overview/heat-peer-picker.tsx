"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { type PeerChoice, PeerPicker } from "~/components/dashboard/peer-picker";

/**
 * The heat table's peer group: a choice navigates to the same overview with `peers` changed (the table is
 * rendered on the server, so the new group's comes with the page).
 */
export function HeatPeerPicker({
  choices,
  value,
  caption,
}: {
  choices: readonly PeerChoice[];
  value: string;
  caption: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  function choose(key: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (key === "all") params.delete("peers");
    else params.set("peers", key);
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  return <PeerPicker choices={choices} value={value} onChange={choose} caption={caption} />;
}
