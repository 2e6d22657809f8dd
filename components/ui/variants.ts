import { cn } from "@/lib/utils";

type Variants = Record<string, Record<string, string>>;
type Choice<V extends Variants> = { [K in keyof V]?: keyof V[K] | null };

/** The props a `cva` function takes, minus className: for a component's prop types. */
export type VariantProps<F> = F extends (props?: infer P) => string ? Omit<NonNullable<P>, "className"> : never;

/**
 * class-variance-authority's `cva`, the part we use, in a few lines (the package cost ~0.3 kB gzipped on
 * every page): base classes, then each variant group's choice in definition order (an absent choice
 * takes the default, `null` none), then `className`.
 */
export function cva<V extends Variants>(base: string, config: { variants: V; defaultVariants?: Choice<V> }) {
  return (props: Choice<V> & { className?: string } = {}) => {
    const parts = [base];
    for (const group in config.variants) {
      const choice = props[group] === undefined ? config.defaultVariants?.[group] : props[group];
      if (choice != null) parts.push(config.variants[group]![choice as string]!);
    }
    return cn(parts, props.className);
  };
}
