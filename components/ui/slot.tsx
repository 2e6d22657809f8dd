import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/utils";

type Props = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

/**
 * `asChild`: renders its one child element with the slot's props merged in, as Radix's Slot does (which
 * cost ~1 kB gzipped on every page): the child's own props win, except that handlers both run (the
 * child's first), classes join and styles merge. Refs are not merged (no caller passes one to a slot).
 */
export function Slot({ children, ...slotProps }: Props & { children?: ReactNode }) {
  if (!isValidElement(children)) return null;
  const child = children as ReactElement<Props>;
  const merged: Props = { ...slotProps };
  for (const [key, childValue] of Object.entries(child.props)) {
    const slotValue = slotProps[key];
    if (/^on[A-Z]/.test(key) && typeof slotValue === "function" && typeof childValue === "function") {
      merged[key] = (...args: unknown[]) => {
        const result = (childValue as Handler)(...args);
        (slotValue as Handler)(...args);
        return result;
      };
    } else if (key === "className") merged[key] = cn(slotValue as string | undefined, childValue as string | undefined);
    else if (key === "style") merged[key] = { ...(slotValue as object | undefined), ...(childValue as object | undefined) };
    else merged[key] = childValue;
  }
  return cloneElement(child, merged);
}
