/**
 * One value per process, kept on globalThis under `name`: Next bundles this package into the app apart from the
 * copy the production server (`apps/web/server.mjs`) loads, and both must share one logger, one registry and
 * one request store.
 *
 * @template T
 * @param {string} name
 * @param {() => T} create
 * @returns {T}
 */
export function processSingleton(name, create) {
  const key = Symbol.for(`zones.telemetry.${name}`);
  const holder = /** @type {Record<symbol, T | undefined>} */ (/** @type {unknown} */ (globalThis));
  const existing = holder[key];
  if (existing !== undefined) return existing;
  const created = create();
  holder[key] = created;
  return created;
}
