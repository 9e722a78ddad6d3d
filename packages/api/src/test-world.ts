import { afterAll, beforeAll } from "vitest";

import { openTestWorld, type TestWorld } from "./test-fixtures";

/**
 * Test-only: a test world opened before the tests of the enclosing file or `describe` and dropped after them.
 * Its fields are set once its `beforeAll` has run: read them inside tests and hooks.
 */
export function useTestWorld(): TestWorld {
  const world = {} as TestWorld;
  beforeAll(async () => {
    Object.assign(world, await openTestWorld());
  });
  afterAll(async () => {
    await world.handle?.close();
  });
  return world;
}
