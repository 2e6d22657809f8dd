import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { registerRadio, useForm } from "./use-form";

type Values = { name: string; hideMs: number; enabled: boolean; policy: "off" | "required"; nested: { label: string }[] };

function Form({ defaults }: { defaults: Values }) {
  const form = useForm<Values>({ defaultValues: defaults });
  return (
    <form>
      <input aria-label="name" {...form.register("name")} />
      <input aria-label="hide" type="number" {...form.register("hideMs", { valueAsNumber: true })} />
      <input aria-label="enabled" type="checkbox" {...form.register("enabled")} />
      <input aria-label="off" {...registerRadio(form, "policy", "off")} />
      <input aria-label="required" {...registerRadio(form, "policy", "required")} />
      <input aria-label="label" {...form.register("nested.0.label")} />
    </form>
  );
}

// Server HTML is what an interaction island shows until its JavaScript loads: the fields must carry their values.
describe("useForm's register renders default values into the server HTML", () => {
  const html = renderToStaticMarkup(<Form defaults={{ name: "Ada <b>", hideMs: 600, enabled: true, policy: "required", nested: [{ label: "first" }] }} />);
  const input = (label: string) => html.match(new RegExp(`<input aria-label="${label}"[^>]*>`))?.[0] ?? "";

  it("text and number fields get their value, escaped", () => {
    expect(input("name")).toContain('value="Ada &lt;b&gt;"');
    expect(input("hide")).toContain('value="600"');
    expect(input("label")).toContain('value="first"');
  });

  it("a true boolean checks its checkbox", () => {
    expect(input("enabled")).toContain('checked=""');
  });

  it("a radio group checks only the default's radio and keeps each radio's own value", () => {
    expect(input("required")).toContain('value="required"');
    expect(input("required")).toContain('checked=""');
    expect(input("off")).toContain('value="off"');
    expect(input("off")).not.toContain("checked");
  });

  it("a false boolean and an absent default render no state", () => {
    const bare = renderToStaticMarkup(<Form defaults={{ enabled: false } as Values} />);
    expect(bare.match(/<input aria-label="enabled"[^>]*>/)?.[0]).not.toContain("checked");
    expect(bare.match(/<input aria-label="name"[^>]*>/)?.[0]).not.toContain("value=");
  });
});
