import { Badge } from "@/components/ui/badge";
import type { PublishRequestStatus } from "@/db/schema/publishing-types";

const labels: Record<PublishRequestStatus, { label: string; tone: "warning" | "success" | "danger" | "neutral" }> = {
  pending: { label: "Waiting for review", tone: "warning" },
  approved: { label: "Approved", tone: "success" },
  declined: { label: "Declined", tone: "danger" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

export function RequestStatusBadge({ status }: { status: PublishRequestStatus }) {
  return <Badge tone={labels[status].tone}>{labels[status].label}</Badge>;
}
