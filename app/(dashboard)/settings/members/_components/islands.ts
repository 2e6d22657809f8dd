"use client";

import { interactionIsland } from "@/components/interaction-island";

export const ChangeRoleForm = interactionIsland(() => import("./change-role-form").then((m) => m.ChangeRoleForm));
export const RemoveMemberButton = interactionIsland(() => import("./remove-member-button").then((m) => m.RemoveMemberButton));
export const InviteMemberDialog = interactionIsland(() => import("./invite-member-dialog").then((m) => m.InviteMemberDialog));
export const PendingInvitations = interactionIsland(() => import("./pending-invitations").then((m) => m.PendingInvitations));
