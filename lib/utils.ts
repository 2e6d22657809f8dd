import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names (clsx). It does not resolve Tailwind conflicts: a className passed to a primitive
 * must not set a property the primitive's own classes set (use its variant or size props instead);
 * lib/class-names.test.ts checks every call site.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
