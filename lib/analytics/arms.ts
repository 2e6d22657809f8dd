// The arms a personalization's visitors fall into. Stored by variant id, so renaming a variant keeps its numbers.
export const DEFAULT_ARM = "default";
export const HOLDOUT_ARM = "holdout";
const VARIANT_PREFIX = "variant:";

export function armOf(variant: { id: string } | null): string {
  return variant ? `${VARIANT_PREFIX}${variant.id}` : DEFAULT_ARM;
}

/** The variant id of a variant arm; null for the default and the holdout. */
export function variantIdOf(arm: string): string | null {
  return arm.startsWith(VARIANT_PREFIX) ? arm.slice(VARIANT_PREFIX.length) : null;
}

/** True when `arm` is one this personalization can show (a current variant, the default or the holdout). */
export function isKnownArm(arm: string, variants: readonly { id: string }[]): boolean {
  if (arm === DEFAULT_ARM || arm === HOLDOUT_ARM) return true;
  const id = variantIdOf(arm);
  return id !== null && variants.some((v) => v.id === id);
}
