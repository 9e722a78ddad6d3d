import superjson, { type SuperJSONResult } from "superjson";

const serialized = new WeakMap<object, SuperJSONResult>();

/**
 * superjson, as the clients expect it, remembering what it wrote for a frozen value: a dashboard answer
 * kept in the cache (`dashboard-cache.ts`, frozen there) is serialized once, not on every request that gets
 * it (a 70 kB answer's walk cost more than the rest of the request; docs/performance.md, "Request cost").
 * A frozen value cannot change, so its serialization cannot either.
 */
export const transformer = {
  serialize(value: unknown): SuperJSONResult {
    if (typeof value !== "object" || value === null || !Object.isFrozen(value))
      return superjson.serialize(value);
    let written = serialized.get(value);
    if (!written) {
      written = superjson.serialize(value);
      serialized.set(value, written);
    }
    return written;
  },
  deserialize: superjson.deserialize.bind(superjson),
};
