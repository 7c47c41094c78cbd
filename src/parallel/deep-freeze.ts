/**
 * Freezes `value` and everything reachable from it (plain objects and arrays), so that code
 * given it, a policy's `create` or `prepare`, cannot change what the world or another policy
 * sees: a write throws in strict mode (every ES module). Typed arrays cannot be frozen and are
 * left as they are. Returns `value`.
 *
 * @example
 * const scenario = deepFreeze(structuredClone(loaded));
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return value;
}
