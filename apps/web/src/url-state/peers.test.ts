import { describe, expect, it } from "vitest";

import { rangeSelection } from "~/components/dashboard/selection";
import { readZoneViewParams } from "./dashboards";
import { readOverviewParams } from "./overview";
import { withPeers } from "./peers";

describe("the peer group in a dashboard's URL", () => {
  it("reads a known group, defaults to every zone and ignores anything else, naming it", () => {
    expect(readZoneViewParams({ peers: "region-central" }).values.peers).toBe("region-central");
    expect(readZoneViewParams({}).values.peers).toBe("all");
    const unknown = readZoneViewParams({ peers: "region-mars" });
    expect(unknown.values.peers).toBe("all");
    expect(unknown.ignored).toEqual([{ name: "peers", value: "region-mars" }]);
    expect(readZoneViewParams({ peers: "x".repeat(1000) }).values.peers).toBe("all");
    expect(readOverviewParams({ peers: "type-resource-based" }).values.peers).toBe("type-resource-based");
  });

  it("goes into the API input only for a group, so every zone keeps one cache key", () => {
    const of = (peers: string) =>
      rangeSelection({ from: null, to: null, mode: "ytd", submitted: false, peers }, [], false).selection;
    expect(of("all")).toEqual({ mode: "ytd", includeSubmitted: false });
    expect(of("batch-2")).toEqual({ mode: "ytd", includeSubmitted: false, peers: "batch-2" });
  });

  it("links keep a group and leave every zone out", () => {
    expect(withPeers("/zones/HB-HS", "region-central")).toBe("/zones/HB-HS?peers=region-central");
    expect(withPeers("/indicators/gdp?highlight=HB-HS", "batch-1")).toBe(
      "/indicators/gdp?highlight=HB-HS&peers=batch-1",
    );
    expect(withPeers("/zones/HB-HS", "all")).toBe("/zones/HB-HS");
  });
});
