"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { disconnectIntercomAction, testIntercomConnectionAction } from "@/lib/intercom-integration/actions";
import type { IntercomRegion } from "@/lib/intercom/regions";
import { ConnectIntercomForm } from "./connect-intercom-form";

export function ConnectionActions({ region, appName }: { region: IntercomRegion; appName: string }) {
  const router = useRouter();
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [disconnectOpen, setDisconnectOpen] = useState(false);

  const test = useMutation({
    mutationFn: async () => {
      const result = await testIntercomConnectionAction({});
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: (data) => {
      if (data.ok && data.readOnly) toast.error(`Connection works for ${data.appName}, but the token is read-only: write-back is off.`);
      else if (data.ok) toast.success(`Connection works: Intercom answered for ${data.appName}.`);
      else toast.error(data.message);
      router.refresh();
    },
    onError: (error) => toast.error(error.message),
  });

  const disconnect = useMutation({
    mutationFn: async () => {
      const result = await disconnectIntercomAction({});
      if (!result.ok) throw new Error(result.message);
    },
    onSuccess: () => {
      setDisconnectOpen(false);
      toast.success("Intercom disconnected. The saved token was deleted.");
      router.refresh();
    },
  });

  return (
    <div className="mt-6 flex flex-wrap gap-2 border-t border-zinc-100 pt-4">
      <Button variant="secondary" onClick={() => test.mutate()} pending={test.isPending}>
        {test.isPending ? "Testing…" : "Test connection"}
      </Button>

      <Dialog open={replaceOpen} onOpenChange={setReplaceOpen}>
        <DialogTrigger asChild>
          <Button variant="secondary">Replace token</Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Replace the access token</DialogTitle>
          <DialogDescription>The current token keeps working until Intercom accepts the new one.</DialogDescription>
          <ConnectIntercomForm mode="replace" defaultRegion={region} onDone={() => setReplaceOpen(false)} />
        </DialogContent>
      </Dialog>

      <Dialog
        open={disconnectOpen}
        onOpenChange={(open) => {
          setDisconnectOpen(open);
          disconnect.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="dangerGhost">
            Disconnect
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Disconnect {appName}?</DialogTitle>
          <DialogDescription>
            Tailor stops reading from and writing to Intercom, and the saved token is deleted. Field mappings are kept and
            become inactive until you connect again.
          </DialogDescription>
          {disconnect.error ? (
            <Alert tone="error" className="mt-4">
              {disconnect.error.message}
            </Alert>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={disconnect.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" onClick={() => disconnect.mutate()} pending={disconnect.isPending}>
              Disconnect
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
