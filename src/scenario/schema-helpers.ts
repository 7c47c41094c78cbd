import { z } from "zod";

/** A number in [0, 1]: a probability or a share. */
export const fraction = (description: string) => z.number().min(0).max(1).describe(description);
/** A finite number >= 0. */
export const nonNegative = (description: string) => z.number().min(0).describe(description);
/** A finite number > 0. */
export const positive = (description: string) => z.number().gt(0).describe(description);
/** An integer >= 0. */
export const count = (description: string) => z.number().int().min(0).describe(description);

/** A strict object section whose own fields all have defaults: `{}` is a valid value. */
export function section<Shape extends z.ZodRawShape>(description: string, shape: Shape) {
  return z.strictObject(shape).prefault({} as never).describe(description);
}

/** A value per key of a fixed vocabulary, each with its own default. */
export function perKey<Key extends string, Value extends z.ZodType>(
  keys: readonly Key[],
  value: (key: Key) => Value,
  description: string,
) {
  const shape = Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<Key, Value>;
  return section(description, shape);
}
