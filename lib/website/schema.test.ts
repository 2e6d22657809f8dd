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
  { allowedOrigins: [], hideMs: 600, apiBase: " https://rt.example.com/api/v1/ " },
  { allowedOrigins: [], hideMs: 600, apiBase: "" },
  { allowedOrigins: [], hideMs: 600, apiBase: "javascript:alert(1)" },
  { allowedOrigins: [], hideMs: 600, apiBase: "https://user:pw@rt.example.com/api/v1" },
  { allowedOrigins: [], hideMs: 600, apiBase: "https://rt.example.com/api/v1?x=1" },
  { allowedOrigins: [], hideMs: 600, apiBase: `https://rt.example.com/${"a".repeat(300)}` },
];

function outcome(schema: typeof formSchema, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data } : { errors: fieldErrorsOf(parsed.error) };
}

describe("website settings schema", () => {
  it("the form accepts and refuses exactly what the action does, with the same field errors", () => {
    for (const input of samples) expect(outcome(formSchema, input)).toEqual(outcome(actionSchema, input));
  });

  it("normalizes the API base and refuses what the snippet must not call", () => {
    expect(outcome(formSchema, samples[8])).toEqual({ data: { allowedOrigins: [], hideMs: 600, apiBase: "https://rt.example.com/api/v1" } });
    expect(outcome(formSchema, samples[9])).toEqual({ data: { allowedOrigins: [], hideMs: 600, apiBase: "" } });
    for (const i of [10, 11, 12]) expect(outcome(formSchema, samples[i])).toEqual({ errors: { apiBase: expect.stringContaining("Enter an address like") } });
    expect(outcome(formSchema, samples[13])).toEqual({ errors: { apiBase: "Use at most 300 characters." } });
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
