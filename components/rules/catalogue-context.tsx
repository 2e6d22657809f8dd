"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { CatalogueAttribute, IntercomCatalogue } from "@/lib/rules/references";

// The workspace's Intercom tags and attributes for every rule and merge-tag field of one editor,
// so rows deep in a rule tree can check and suggest without each level passing them on.
type EditorCatalogue = { catalogue: IntercomCatalogue; attributes: CatalogueAttribute[] };
const CatalogueContext = createContext<EditorCatalogue>({ catalogue: { tags: null, attributes: null }, attributes: [] });

/** `attributes`: what to suggest (standard fields and the cached custom ones); `catalogue`: what to check against. */
export function IntercomCatalogueProvider({ catalogue, attributes, children }: EditorCatalogue & { children: ReactNode }) {
  return <CatalogueContext.Provider value={{ catalogue, attributes }}>{children}</CatalogueContext.Provider>;
}

export function useIntercomCatalogue(): IntercomCatalogue {
  return useContext(CatalogueContext).catalogue;
}

export function useSuggestedAttributes(): CatalogueAttribute[] {
  return useContext(CatalogueContext).attributes;
}
