import { describe, expect, it } from "vitest";
import type { EvaluationContext } from "./evaluate";
import { contentProblems } from "./html-policy";
import { renderContent } from "./render-content";
import { sanitizeContent } from "./sanitize-content";

const contact = (attrs: Record<string, unknown>): EvaluationContext => ({
  intercom: { available: true, contact: { standard: { name: "Ada", email: null, role: "user", external_id: null, created_at: 0 }, custom: attrs, tags: [] } as never },
  segments: {},
});

describe("merge tags by HTML context (issue 14's XSS payloads)", () => {
  it("refuses merge tags in handlers, style, script, unquoted values and attribute names, naming the place", () => {
    expect(contentProblems('<a href="#" onclick="go({{intercom.name}})">x</a>')).toContain(
      "Merge tag {{intercom.name}} is in the onclick attribute of <a>: event handlers can't hold merge tags.",
    );
    expect(contentProblems("<span title={{intercom.job_role}}>x</span>")).toEqual([
      'Merge tag {{intercom.job_role}} is in the title attribute of <span>, which isn\'t quoted: write title="…".',
    ]);
    expect(contentProblems('<p style="color: {{intercom.favorite_color}}">x</p>')[0]).toMatch(/in the style attribute of <p>: styles can't hold merge tags/);
    expect(contentProblems("<script>var n = '{{intercom.name}}'</script>")).toEqual([
      "Merge tag {{intercom.name}} is inside <script>: merge tags can't go in scripts or styles.",
      "<script> isn't allowed in content: scripts never run from personalizations. Remove it.",
    ]);
    expect(contentProblems('<div data-x="1" {{intercom.name}}>x</div>')[0]).toMatch(/in the name of an attribute of <div>/);
    expect(contentProblems('<a href="{{intercom.site | fallback: "https://a.test"}}">x</a>')[0]).toMatch(/uses the attribute's own quote/);
    expect(contentProblems('<div id="{{intercom.name}}">x</div>')[0]).toMatch(/merge tags may go in text and in the title/);
  });

  it("refuses script, inline handlers and javascript: links in content itself", () => {
    expect(contentProblems('<img src="x" onerror="alert(1)">')).toEqual(["The onerror attribute of <img> isn't allowed: content can't run script. Remove it."]);
    expect(contentProblems('<a href="javascript:alert(1)">x</a>')).toEqual(["The href of <a> must be an http(s), mailto or relative link."]);
    expect(contentProblems('<iframe src="https://a.test"></iframe>')).toEqual(["<iframe> isn't allowed in content. Remove it."]);
  });

  it("accepts merge tags in text, quoted allow-listed attributes and URL attributes", () => {
    expect(
      contentProblems(
        `<h1 title="{{intercom.name}}">Hi {{intercom.name | fallback: "there"}}</h1><a href="{{intercom.website | fallback: 'https://acme.test'}}" data-color="{{intercom.favorite_color}}">site</a><img alt='{{intercom["Signup Source"]}}' src="/x.png">`,
      ),
    ).toEqual([]);
  });

  it("renders a URL attribute only as http(s)/mailto/relative, else the fallback, else empty", () => {
    const template = `<a href="{{intercom.favorite_color | fallback: 'https://acme.test/'}}">go</a>`;
    expect(renderContent(template, contact({ favorite_color: "javascript:alert(document.domain)" })).html).toBe('<a href="https://acme.test/">go</a>');
    expect(renderContent(template, contact({ favorite_color: " JaVa\tScRiPt:alert(1)" })).html).toBe('<a href="https://acme.test/">go</a>');
    expect(renderContent(template, contact({ favorite_color: "https://ok.test/?a=1&b=2" })).html).toBe('<a href="https://ok.test/?a=1&amp;b=2">go</a>');
    expect(renderContent('<a href="{{intercom.favorite_color}}">go</a>', contact({ favorite_color: "javascript:alert(1)" })).html).toBe('<a href="">go</a>');
    // A literal prefix plus an entity split across the tag can't build a scheme either (the fallback, "", is used).
    expect(renderContent('<a href="&#106{{intercom.x}}">go</a>', contact({ x: ";avascript:alert(1)" })).html).toBe('<a href="&#106">go</a>');
  });

  it("escapes values in text and quoted attributes; blocked places render nothing", () => {
    const payload = contact({ job_role: 'x" onmouseover="alert(3)', bio: "<img src=x onerror=alert(1)>" });
    expect(renderContent('<span title="{{intercom.job_role}}">{{intercom.bio}}</span>', payload).html).toBe(
      '<span title="x&quot; onmouseover=&quot;alert(3)">&lt;img src=x onerror=alert(1)&gt;</span>',
    );
    expect(renderContent("<span title={{intercom.job_role}}>x</span>", payload).html).toBe("<span title=>x</span>");
  });
});

describe("sanitizeContent", () => {
  it("keeps allowed content and merge tags, drops script and handlers", () => {
    expect(sanitizeContent('<h1 class="x" onclick="alert(1)">Hi {{intercom.name | fallback: "there"}}</h1><script>alert(1)</script>')).toBe(
      '<h1 class="x">Hi {{intercom.name | fallback: "there"}}</h1>',
    );
    expect(sanitizeContent(`<a title='{{intercom.name | fallback: "x"}}' href="javascript:alert(1)">l</a>`)).toBe(`<a title="{{intercom.name | fallback: 'x'}}">l</a>`);
  });
});
