"use client";

import { useId, useMemo, useState, type ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { Input } from "./input";
import { ListboxPopup, optionId, useListboxKeys, type ListboxOption } from "./listbox";

export type ComboboxOption = ListboxOption;

const MAX_SHOWN = 50;

/**
 * A text field with searchable suggestions (ARIA 1.2 combobox: role="combobox", aria-expanded,
 * aria-controls, aria-activedescendant; the list is role="listbox"). Free text stays possible: the
 * value is whatever is typed or picked.
 */
export function Combobox({
  value,
  onChange,
  options,
  listLabel,
  emptyText = "No matches",
  className,
  ...inputProps
}: Omit<ComponentProps<"input">, "value" | "onChange" | "role"> & {
  value: string;
  onChange: (value: string) => void;
  options: ComboboxOption[];
  /** Names the suggestion list for screen readers. */
  listLabel: string;
  emptyText?: string;
}) {
  const listId = `${useId()}-list`;
  const [open, setOpen] = useState(false);
  const shown = useMemo(() => {
    const query = value.trim().toLowerCase();
    // A value that already is an option shows every option, so another can be picked.
    if (query === "" || options.some((o) => o.value.toLowerCase() === query)) return options.slice(0, MAX_SHOWN);
    return options.filter((o) => o.value.toLowerCase().includes(query) || o.label.toLowerCase().includes(query)).slice(0, MAX_SHOWN);
  }, [options, value]);
  const pick = (index: number) => {
    const option = shown[index];
    if (option) onChange(option.value);
    setOpen(false);
  };
  const keys = useListboxKeys(shown.length, open, setOpen, pick);
  // With nothing to suggest at all (e.g. Intercom not connected) it is a plain text field.
  const expanded = open && !inputProps.disabled && options.length > 0;

  return (
    <div className="relative">
      <Input
        {...inputProps}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && shown.length > 0 ? optionId(listId, keys.active) : undefined}
        autoComplete="off"
        spellCheck={false}
        className={cn("font-mono", className)}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          keys.setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (keys.onKeyDown(e)) e.preventDefault();
        }}
      />
      {expanded ? (
        shown.length > 0 ? (
          <ListboxPopup id={listId} label={listLabel} options={shown} activeIndex={keys.active} onPick={(o) => pick(shown.indexOf(o))} onActivate={keys.setActive} />
        ) : (
          <div id={listId} className="absolute left-0 z-30 mt-1 w-full rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-600 shadow-lg">
            {emptyText}
          </div>
        )
      ) : null}
    </div>
  );
}
