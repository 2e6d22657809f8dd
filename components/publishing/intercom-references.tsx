"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { draftReferencesAction } from "@/lib/publishing/reference-actions";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "done"; checked: boolean; lines: { where: string; what: string }[] };

/** In the publish dialog: every tag and attribute the draft names that the workspace's Intercom doesn't have. Publishing is not blocked. */
export function IntercomReferences() {
  const [state, setState] = useState<State>({ status: "loading" });
  useEffect(() => {
    let live = true;
    draftReferencesAction({}).then(
      (result) => live && setState(result.ok ? { status: "done", ...result.data } : { status: "error", message: result.message }),
      () => live && setState({ status: "error", message: "Couldn't check the draft against Intercom." }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (state.status === "loading") {
    return (
      <p className="mt-4 text-sm text-zinc-600" role="status">
        Checking tags and attributes against Intercom…
      </p>
    );
  }
  if (state.status === "error") return <p className="mt-4 text-sm text-zinc-600">{state.message}</p>;
  if (!state.checked) return <p className="mt-4 text-sm text-zinc-600">Tags and attributes weren&apos;t checked: connect Intercom and load its attributes first.</p>;
  if (state.lines.length === 0) return null;
  return (
    <Alert tone="warning" className="mt-4">
      <p className="font-medium" id="intercom-references-title">
        {state.lines.length === 1 ? "1 reference Intercom doesn't have" : `${state.lines.length} references Intercom doesn't have`}
      </p>
      <p className="text-sm">These never match (tags) or stay empty (attributes) until they exist in Intercom. You can still publish.</p>
      <ul className="mt-1 list-disc space-y-1 pl-5" aria-labelledby="intercom-references-title">
        {state.lines.map((line, i) => (
          <li key={i} className="break-words">
            {line.where}: {line.what}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
