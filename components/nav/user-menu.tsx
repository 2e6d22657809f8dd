import { LogOut, MonitorOff } from "lucide-react";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { signOutEverywhereAction } from "@/lib/auth/account-actions";
import { Badge } from "@/components/ui/badge";

// On a phone the two buttons show only their icons (their names stay for screen readers and tooltips)
// and the role badge is left out (screen readers still hear it; the mobile menu shows it), so the
// header's publish controls fit at 390 px.
const accountButton = "flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100";

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  return (
    <div className="flex items-center gap-1 sm:gap-3">
      <div className="hidden text-right sm:block">
        <p className="text-sm font-medium leading-tight">{name}</p>
        <p className="text-xs text-zinc-600">{email}</p>
      </div>
      <Badge tone="info" className="max-sm:hidden">
        <span className="sr-only">Role: </span>
        {roleLabel}
      </Badge>
      <span className="sr-only sm:hidden">Role: {roleLabel}</span>
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/sign-in" });
        }}
      >
        <button type="submit" className={accountButton} title="Sign out">
          <LogOut className="size-4" aria-hidden />
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </button>
      </form>
      <form
        action={async () => {
          "use server";
          await signOutEverywhereAction({});
          redirect("/sign-in");
        }}
      >
        <button type="submit" className={accountButton} title="Ends your sessions on every device">
          <MonitorOff className="size-4" aria-hidden />
          <span className="sr-only sm:not-sr-only">Sign out everywhere</span>
        </button>
      </form>
    </div>
  );
}
