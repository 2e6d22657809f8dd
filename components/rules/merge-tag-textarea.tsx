"use client";

import { useId, useMemo, useRef, useState, type ComponentProps } from "react";
import { ListboxPopup, optionId, useListboxKeys, type ListboxOption } from "@/components/ui/listbox";
import { Textarea } from "@/components/ui/textarea";
import { useSuggestedAttributes } from "./catalogue-context";

// `{{` then an optional `intercom.` and a partial name, right before the caret.
const OPEN_TAG = /\{\{\s*(?:intercom\.)?([\p{L}\p{N}\p{Sc}_-]*)$/u;
const PLAIN_NAME = /^[\p{L}\p{N}\p{Sc}_-]+$/u;
const MAX_SHOWN = 30;

/** The merge tag for an Intercom attribute: `intercom.favorite_color`, or `intercom["Signup Source"]` for other names. */
function tagPath(name: string): string {
  return PLAIN_NAME.test(name) ? `intercom.${name}` : `intercom[${JSON.stringify(name)}]`;
}

type Open = { start: number; end: number; query: string };

/**
 * A template textarea that offers Intercom attributes after `{{`: arrow keys choose, Enter inserts
 * `{{intercom.<name>}}`, Escape closes. `onValueChange` receives the text after an insertion.
 */
export function MergeTagTextarea({
  textareaRef,
  onValueChange,
  onKeyDown,
  onBlur,
  ...props
}: Omit<ComponentProps<"textarea">, "ref"> & { textareaRef?: (el: HTMLTextAreaElement | null) => void; onValueChange: (value: string) => void }) {
  const attributes = useSuggestedAttributes();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const listId = `${useId()}-merge-tags`;
  const [open, setOpen] = useState<Open | null>(null);
  const shown: ListboxOption[] = useMemo(() => {
    if (!open) return [];
    const q = open.query.toLowerCase();
    return attributes
      .filter((a) => a.name.toLowerCase().includes(q))
      .slice(0, MAX_SHOWN)
      .map((a) => ({ value: tagPath(a.name), label: tagPath(a.name), badge: a.archived ? "archived" : undefined }));
  }, [attributes, open]);

  const readCaret = () => {
    const el = own.current;
    if (!el || el.selectionStart !== el.selectionEnd) return setOpen(null);
    const before = el.value.slice(0, el.selectionStart);
    const match = OPEN_TAG.exec(before);
    setOpen(match ? { start: match.index, end: el.selectionStart, query: match[1] ?? "" } : null);
  };

  const insert = (index: number) => {
    const el = own.current;
    const option = shown[index];
    if (!el || !open || !option) return setOpen(null);
    const after = el.value.slice(open.end).replace(/^\s*\}\}/, "");
    const tag = `{{${option.value}}}`;
    const next = el.value.slice(0, open.start) + tag + after;
    onValueChange(next);
    setOpen(null);
    const caret = open.start + tag.length;
    requestAnimationFrame(() => el.setSelectionRange(caret, caret));
  };

  const keys = useListboxKeys(shown.length, open !== null, (o) => (o ? readCaret() : setOpen(null)), insert);
  const expanded = open !== null && shown.length > 0;

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={(el) => {
          own.current = el;
          textareaRef?.(el);
        }}
        aria-controls={expanded ? listId : undefined}
        aria-activedescendant={expanded ? optionId(listId, keys.active) : undefined}
        onKeyUp={(e) => {
          if (!["ArrowDown", "ArrowUp", "Enter", "Escape"].includes(e.key)) readCaret();
        }}
        onClick={readCaret}
        onKeyDown={(e) => {
          if (expanded && keys.onKeyDown(e)) {
            e.preventDefault();
            return;
          }
          onKeyDown?.(e);
        }}
        onBlur={(e) => {
          setOpen(null);
          onBlur?.(e);
        }}
      />
      {expanded ? (
        <ListboxPopup id={listId} label="Intercom attributes for a merge tag" options={shown} activeIndex={keys.active} onPick={(o) => insert(shown.indexOf(o))} onActivate={keys.setActive} className="max-w-sm" />
      ) : null}
      <p className="sr-only" aria-live="polite">
        {expanded ? `${shown.length} attribute suggestions; arrow keys to choose, Enter to insert.` : ""}
      </p>
    </div>
  );
}
