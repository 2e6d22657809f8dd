"use client";

import { Slot } from "./slot";
import { X } from "lucide-react";
import {
  createContext,
  useCallback,
  useContext,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/utils";

// A modal on the browser's own <dialog>: showModal() makes the rest of the page inert (focus stays
// inside), Escape and a click on the backdrop close it through onOpenChange (so a caller can refuse,
// e.g. while saving), and focus returns to what had it before. The content exists only while open.

type DialogState = { open: boolean; setOpen: (open: boolean) => void; titleId: string; descriptionId: string };
const DialogContext = createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = useContext(DialogContext);
  if (!state) throw new Error(`<${part}> must be inside <Dialog>`);
  return state;
}

export function Dialog({ open: controlled, onOpenChange, children }: { open?: boolean; onOpenChange?: (open: boolean) => void; children: ReactNode }) {
  const [uncontrolled, setUncontrolled] = useState(false);
  const open = controlled ?? uncontrolled;
  const setOpen = useCallback(
    (next: boolean) => {
      if (controlled === undefined) setUncontrolled(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );
  const titleId = useId();
  const descriptionId = useId();
  return <DialogContext.Provider value={{ open, setOpen, titleId, descriptionId }}>{children}</DialogContext.Provider>;
}

type PartProps = ComponentProps<"button"> & { asChild?: boolean };

export function DialogTrigger({ asChild, onClick, ...props }: PartProps) {
  const { open, setOpen } = useDialog("DialogTrigger");
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? undefined : "button"}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(true);
      }}
      {...props}
    />
  );
}

export function DialogClose({ asChild, onClick, ...props }: PartProps) {
  const { setOpen } = useDialog("DialogClose");
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? undefined : "button"}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(false);
      }}
      {...props}
    />
  );
}

const sizes = {
  md: "m-auto max-w-md rounded-lg",
  lg: "m-auto max-w-lg rounded-lg",
  xl: "m-auto max-w-xl rounded-lg",
  "2xl": "m-auto max-w-2xl rounded-lg",
  /** A full-height panel on the left (the phone navigation). */
  drawer: "m-0 h-full max-h-none max-w-72",
};
export type DialogSize = keyof typeof sizes;

export function DialogContent({ className, size = "md", children, ...props }: ComponentProps<"dialog"> & { size?: DialogSize }) {
  const { open, setOpen, titleId, descriptionId } = useDialog("DialogContent");
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    dialog.showModal();
    return () => {
      dialog.dataset.unmounting = "true";
      if (dialog.open) dialog.close();
      root.style.overflow = overflow;
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  if (!open) return null;
  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className={cn(
        "w-[calc(100%-2rem)] bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-zinc-900/40",
        sizes[size],
        className,
      )}
      onCancel={(event) => {
        event.preventDefault(); // Escape: let the owner decide (it may refuse while saving)
        setOpen(false);
      }}
      onClose={(event) => {
        // Closed by the browser itself (a repeated Escape may close a dialog that refused): follow it.
        if (!event.currentTarget.dataset.unmounting) setOpen(false);
      }}
      onMouseDown={(event) => {
        if (event.target !== event.currentTarget) return;
        const box = event.currentTarget.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) setOpen(false); // a press on the backdrop
      }}
      {...props}
    >
      {children}
      <button type="button" className="absolute right-3 top-3 rounded p-1 text-zinc-500 hover:bg-zinc-100" aria-label="Close" onClick={() => setOpen(false)}>
        <X className="size-4" aria-hidden />
      </button>
    </dialog>,
    document.body,
  );
}

export function DialogTitle({ className, small, ...props }: ComponentProps<"h2"> & { small?: boolean }) {
  const { titleId } = useDialog("DialogTitle");
  return <h2 id={titleId} className={cn("font-semibold", small ? "text-base" : "text-lg", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<"p">) {
  const { descriptionId } = useDialog("DialogDescription");
  return <p id={descriptionId} className={cn("mt-2 text-sm text-zinc-600", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}
