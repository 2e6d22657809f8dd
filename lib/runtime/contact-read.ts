import type { IntercomContact, TailorIntercomClient } from "@/lib/intercom";
import { contactCache, type CachedContact } from "@/lib/intercom-integration/contact-cache";
import { contactTags } from "./tag-catalogue";

/** A contact as the cache keeps it: the object Intercom returned plus its tag names. */
export async function withTagNames(workspaceId: string, client: TailorIntercomClient, contact: IntercomContact): Promise<CachedContact> {
  return { contact, tags: await contactTags(workspaceId, client, contact), fetchedAt: Date.now() };
}

/**
 * Identification already holds the full contact (the email search returns it): cache it so the
 * decisions that follow read nothing from Intercom. Best effort: on failure the next decision reads it.
 */
export async function rememberContact(workspaceId: string, client: TailorIntercomClient, contact: IntercomContact): Promise<void> {
  try {
    await contactCache().set(workspaceId, await withTagNames(workspaceId, client, contact));
  } catch {
    // Tag names unavailable right now: nothing cached, nothing lost.
  }
}
