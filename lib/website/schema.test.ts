import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/field-errors";
import { websiteSettingsSchema as actionSchema } from "@/lib/runtime/sites";
import { websiteSettingsSchema as formSchema } from "./schema";

const samples: unknown[] = [
  { allowedOrigins: [], hideMs: 600 },
  { allowedOrigins: ["https://www.example.com", " http://localhost:3000 "], hideMs: "250" },
  { allowedOrigins: ["https://ok.example.com", "ftp://x.example", "javascript:alert(1)", "nope"], hideMs: 0 },
  { allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example.com`), hideMs: 10 },
  { allowedOrigins: ["https://a.example.com"], hideMs: 3001 },
  { allowedOrigins: ["https://a.example.com"], hideMs: -1 },
  { allowedOrigins: ["https://a.example.com"], hideMs: 12.5 },
  { allowedOrigins: "https://a.example.com", hideMs: 1 },
];

function outcome(schema: typeof formSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data } : { errors: fieldErrorsOf(parsed.error) };
}

describe("website settings schema", () => {
  it("the form accepts and refuses exactly what the action does, with the same field errors", () => {
    for (const input of samples) expect(outcome(formSchema, input)).toEqual(outcome(actionSchema, input));
  });

  it("keys origin errors by line index", () => {
    expect(outcome(formSchema, samples[2])).toEqual({
      errors: {
        "allowedOrigins.1": "Enter an origin like https://www.example.com (no path).",
        "allowedOrigins.2": "Enter an origin like https://www.example.com (no path).",
        "allowedOrigins.3": "Enter an origin like https://www.example.com (no path).",
      },
    });
  });
});
