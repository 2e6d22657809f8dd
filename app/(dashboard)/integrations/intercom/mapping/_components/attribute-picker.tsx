"use client";

import { Check, ChevronsUpDown, Search } from "lucide-react";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import type { AttributeView } from "@/lib/intercom-integration/attributes";
import { dataTypeLabels } from "@/lib/intercom-integration/mapping-rules";
import { cn } from "@/lib/utils";

const ROW_HEIGHT = 52;
const LIST_HEIGHT = 312;
const OVERSCAN = 6;

/**
 * Searchable attribute combobox. Filters in memory (deferred, so typing stays responsive) and
 * renders only the visible window of options, so 1,000+ attributes stay fast.
 */
export function AttributePicker({
  id,
  attributes,
  value,
  onChange,
  disabled,
  invalid,
  describedBy,
  fitNote,
}: {
  id: string;
  attributes: AttributeView[];
  value: string;
  onChange: (name: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** Why an attribute doesn't fit the row's source (shown on the option; it stays selectable so the row can explain). */
  fitNote?: (attr: AttributeView) => string | null;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const filtered = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    const matches = q ? attributes.filter((a) => a.label.toLowerCase().includes(q) || a.name.toLowerCase().includes(q)) : attributes;
    // Choosable first, then the rest (visible, with their reason).
    return [...matches.filter((a) => !a.unavailable), ...matches.filter((a) => a.unavailable)];
  }, [attributes, deferredQuery]);

  const selected = attributes.find((a) => a.name === value);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  function scrollIntoView(index: number) {
    const list = listRef.current;
    if (!list) return;
    const top = index * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + LIST_HEIGHT) list.scrollTop = top + ROW_HEIGHT - LIST_HEIGHT;
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(filtered.length - 1, to));
    setActive(next);
    scrollIntoView(next);
  }

  function choose(attr: AttributeView | undefined) {
    if (!attr || attr.unavailable) return;
    onChange(attr.name);
    setOpen(false);
    setQuery("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") move(active + 1);
    else if (e.key === "ArrowUp") move(active - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(filtered.length - 1);
    else if (e.key === "PageDown") move(active + Math.floor(LIST_HEIGHT / ROW_HEIGHT));
    else if (e.key === "PageUp") move(active - Math.floor(LIST_HEIGHT / ROW_HEIGHT));
    else if (e.key === "Enter") choose(filtered[active]);
    else if (e.key === "Escape") setOpen(false);
    else return;
    e.preventDefault();
  }

  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(filtered.length, Math.ceil((scrollTop + LIST_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <div
      ref={rootRef}
      className="relative"
      onBlur={(e) => {
        if (!rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        id={id}
        disabled={disabled}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-describedby={describedBy}
        data-invalid={invalid || undefined}
        onClick={() => {
          setOpen((o) => !o);
          setActive(0);
          setScrollTop(0);
        }}
        className={cn(
          "flex h-9 w-full items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-3 text-left text-sm shadow-xs",
          "disabled:cursor-not-allowed disabled:bg-zinc-100 data-invalid:border-red-500",
        )}
      >
        {selected ? (
          <span className="min-w-0 truncate">
            <span className="font-mono">{selected.name}</span>
            <span className="text-zinc-500"> · {dataTypeLabels[selected.dataType]}</span>
          </span>
        ) : value ? (
          <span className="truncate font-mono">{value}</span>
        ) : (
          <span className="text-zinc-500">Choose an attribute…</span>
        )}
        <ChevronsUpDown className="size-4 shrink-0 text-zinc-500" aria-hidden />
      </button>
      {open ? (
        <div className="absolute z-30 mt-1 w-full min-w-80 rounded-md border border-zinc-200 bg-white shadow-lg">
          <div className="flex items-center gap-2 border-b border-zinc-100 px-3">
            <Search className="size-4 text-zinc-400" aria-hidden />
            <input
              ref={inputRef}
              role="combobox"
              aria-label="Search Intercom attributes"
              aria-expanded
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={filtered.length ? optionId(active) : undefined}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
                setScrollTop(0);
                if (listRef.current) listRef.current.scrollTop = 0;
              }}
              onKeyDown={onKeyDown}
              placeholder="Search by label or API name"
              className="h-10 w-full bg-transparent text-sm outline-none"
            />
          </div>
          <p className="sr-only" aria-live="polite">
            {filtered.length} attributes
          </p>
          {filtered.length === 0 ? (
            <p className="px-3 py-4 text-sm text-zinc-600">No attribute matches “{query}”.</p>
          ) : (
            <ul
              id={listId}
              ref={listRef}
              role="listbox"
              aria-label="Intercom attributes"
              tabIndex={-1}
              onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
              className="relative overflow-y-auto"
              style={{
                height: Math.min(LIST_HEIGHT, filtered.length * ROW_HEIGHT),
                paddingTop: start * ROW_HEIGHT,
                paddingBottom: (filtered.length - end) * ROW_HEIGHT,
              }}
            >
              {filtered.slice(start, end).map((attr, offset) => {
                const index = start + offset;
                const note = attr.unavailable ?? fitNote?.(attr) ?? null;
                return (
                  <li
                    key={attr.name}
                    id={optionId(index)}
                    role="option"
                    aria-selected={attr.name === value}
                    aria-disabled={attr.unavailable ? true : undefined}
                    aria-setsize={filtered.length}
                    aria-posinset={index + 1}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(attr)}
                    style={{ height: ROW_HEIGHT }}
                    className={cn(
                      "flex items-center justify-between gap-2 px-3 text-sm",
                      index === active && "bg-zinc-100",
                      attr.unavailable ? "cursor-not-allowed text-zinc-500" : "cursor-pointer",
                    )}
                  >
                    <span className="min-w-0">
                      <span className="block truncate">
                        {attr.label}
                        {attr.label !== attr.name ? <span className="ml-1 font-mono text-xs text-zinc-500">{attr.name}</span> : null}
                      </span>
                      <span className={cn("block truncate text-xs", attr.unavailable ? "text-zinc-600" : note ? "text-amber-800" : "text-zinc-500")}>
                        {note ?? (attr.options?.length ? `List: ${attr.options.slice(0, 4).join(", ")}` : attr.description || "\u00a0")}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-1">
                      <Badge tone="neutral">{dataTypeLabels[attr.dataType]}</Badge>
                      <Badge tone={attr.custom ? "info" : "neutral"}>{attr.custom ? "Custom" : "Standard"}</Badge>
                      {attr.name === value ? <Check className="size-4 text-brand-700" aria-hidden /> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
