import { openDuePeriods } from "@zones/db/periods";
import { testEngine } from "@zones/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openTestWorld, type TestWorld } from "../test-fixtures";

/** Just after 2030Q4 ended in Beijing: far from the seed's quarters (it seeds up to today's). */
const NEW_YEAR_2031 = new Date("2031-01-01T00:05:00+08:00");

describe(`a period opened by the schedule, in the admin's hands (${testEngine()})`, () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await openTestWorld();
    await world.caller(world.users.admin).period.update({ quarter: "2030Q3", status: "closed" });
    await openDuePeriods(world.handle.db, NEW_YEAR_2031);
  });
  afterAll(async () => {
    await world.handle.close();
  });

  const rowOf = async (quarter: string) =>
    (await world.caller(world.users.admin).period.list({})).rows.find((row) => row.quarter === quarter);

  it("is listed open with the default deadline, marked as opened by the schedule", async () => {
    expect(await rowOf("2030Q4")).toMatchObject({
      status: "open",
      deadline: "2031-01-25",
      openedBySchedule: true,
    });
  });

  it("can still be re-dated, closed and reopened by an admin", async () => {
    const admin = world.caller(world.users.admin).period;
    await admin.update({ quarter: "2030Q4", status: "open", deadline: "2031-02-10" });
    expect(await rowOf("2030Q4")).toMatchObject({
      status: "open",
      deadline: "2031-02-10",
      openedBySchedule: true,
    });
    await admin.update({ quarter: "2030Q4", status: "closed" });
    expect(await rowOf("2030Q4")).toMatchObject({ status: "closed", deadline: "2031-02-10" });
    await admin.update({ quarter: "2030Q4", status: "open" });
    expect(await rowOf("2030Q4")).toMatchObject({
      status: "open",
      deadline: "2031-02-10",
      openedBySchedule: false,
    });
    // The schedule leaves the admin's period alone from then on.
    expect(await openDuePeriods(world.handle.db, NEW_YEAR_2031)).toEqual([]);
    expect(await rowOf("2030Q4")).toMatchObject({ status: "open", deadline: "2031-02-10" });
  });
});
