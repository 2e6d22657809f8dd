export * from "./client";
export * from "./errors";
export * from "./regions";
export type { CustomAttributeValue, IntercomDataType } from "./schema";
