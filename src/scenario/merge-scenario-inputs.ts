/** A raw, not yet validated scenario mapping as read from YAML. */
export type RawScenario = Record<string, unknown>;

/**
 * Lays a child scenario over its parent (`extends`), on raw mappings before validation.
 * Mappings merge key by key, recursively; scalars and lists from the child replace the parent's;
 * except `offers`, merged by `id` (a child offer with a parent's id is merged onto that offer, new
 * ids are appended in order), and `events`, appended after the parent's. `extends` is dropped.
 *
 * @example
 * mergeScenarioInputs({ name: "base", seed: 1 }, { name: "child", seed: 2 }); // { name: "child", seed: 2 }
 */
export function mergeScenarioInputs(parent: RawScenario, child: RawScenario): RawScenario {
  const merged = mergeMappings(parent, child);
  if (Array.isArray(parent.offers) && Array.isArray(child.offers)) {
    setOwn(merged, "offers", mergeOffers(parent.offers, child.offers));
  }
  if (Array.isArray(parent.events) && Array.isArray(child.events)) {
    setOwn(merged, "events", [...parent.events, ...child.events]);
  }
  delete merged.extends;
  return merged;
}

function mergeOffers(parentOffers: unknown[], childOffers: unknown[]): unknown[] {
  const merged = [...parentOffers];
  for (const offer of childOffers) {
    const index = isMapping(offer) ? merged.findIndex((old) => isMapping(old) && old.id === offer.id) : -1;
    if (index >= 0) merged[index] = mergeMappings(merged[index] as RawScenario, offer as RawScenario);
    else merged.push(offer);
  }
  return merged;
}

function mergeMappings(base: RawScenario, over: RawScenario): RawScenario {
  const merged: RawScenario = {};
  for (const [key, value] of Object.entries(base)) setOwn(merged, key, value);
  for (const [key, value] of Object.entries(over)) {
    const old = merged[key];
    setOwn(merged, key, isMapping(old) && isMapping(value) && Object.hasOwn(merged, key) ? mergeMappings(old, value) : value);
  }
  return merged;
}

function isMapping(value: unknown): value is RawScenario {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Assigns without invoking setters, so a key such as `__proto__` stays an ordinary field. */
function setOwn(target: RawScenario, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
