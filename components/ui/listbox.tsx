"use client";

import { useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils";

/** One suggestion: `value` is what is inserted; `detail` and `badge` are shown beside the label. */
export type ListboxOption = { value: string; label: string; detail?: string; badge?: string };

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The suggestion popup shared by the combobox and text autocompletes: role="listbox" with
 * role="option" rows; the field keeps focus and points at the active row with aria-activedescendant.
 */
export function ListboxPopup({
  id,
  label,
  options,
  activeIndex,
  onPick,
  onActivate,
  className,
}: {
  id: string;
  label: string;
  options: ListboxOption[];
  activeIndex: number;
  onPick: (option: ListboxOption) => void;
  onActivate: (index: number) => void;
  className?: string;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      className={cn("absolute left-0 z-30 mt-1 max-h-64 w-full min-w-56 overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg", className)}
    >
      {options.map((option, index) => (
        <li
          key={option.value}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          className={cn("flex cursor-pointer items-center gap-2 px-3 py-1.5", index === activeIndex ? "bg-brand-50 text-brand-900" : "text-zinc-800")}
          // Keep focus in the field: the click picks, the field never blurs.
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => onActivate(index)}
          onClick={() => onPick(option)}
        >
          <span className="min-w-0 flex-1 truncate font-mono">{option.label}</span>
          {option.detail ? <span className="shrink-0 text-xs text-zinc-600">{option.detail}</span> : null}
          {option.badge ? <span className="shrink-0 rounded-full bg-amber-50 px-1.5 text-xs text-amber-900 ring-1 ring-amber-200">{option.badge}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Arrow keys move, Enter picks, Escape closes; returns true when it handled the key (the caller then stops it). */
export function useListboxKeys(count: number, open: boolean, setOpen: (open: boolean) => void, pick: (index: number) => void) {
  const [active, setActive] = useState(0);
  const onKeyDown = (e: KeyboardEvent): boolean => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!open) {
        setOpen(true);
        setActive(0);
      } else if (count > 0) {
        setActive((i) => (e.key === "ArrowDown" ? (i + 1) % count : (i - 1 + count) % count));
      }
      return true;
    }
    if (!open || count === 0) return false;
    if (e.key === "Enter") {
      pick(Math.min(active, count - 1));
      return true;
    }
    if (e.key === "Escape") {
      setOpen(false);
      return true;
    }
    return false;
  };
  return { active: Math.min(active, Math.max(count - 1, 0)), setActive, onKeyDown };
}
