import { describe, expect, it } from "vitest";
import type { EvaluationContext } from "./evaluate";
import { escapeHtml, extractMergeTags, renderMergeTags } from "./merge-tags";

const context: EvaluationContext = {
  intercom: {
    available: true,
    contact: {
      standard: { name: "Ada", email: "ada@example.com", role: "user", external_id: null, created_at: 1734537424 },
      custom: {
        favorite_color: "teal",
        "Signup Source": "blog",
        evil: "<script>alert(1)</script>",
        quotes: `Tom & "Jerry's"`,
        seats: 42,
        zero: 0,
        beta: true,
        blank: "   ",
        nothing: null,
        couleur_préférée: "bleu",
      },
      tags: [],
    },
  },
  segments: { role: ["founder"], interest: ["pricing", "api"], empty: [] },
};
const anonymous: EvaluationContext = { intercom: { available: false }, segments: {} };

const html = (template: string, ctx = context) => renderMergeTags(template, ctx).html;

describe("renderMergeTags", () => {
  it.each([
    ["{{intercom.name}}", "Ada"],
    ["{{ intercom.name }}", "Ada"],
    ["{{\n  intercom.email\t}}", "ada@example.com"],
    ["{{intercom.favorite_color}}", "teal"],
    ["{{intercom.Favorite_Color}}", "teal"],
    ['{{intercom["Signup Source"]}}', "blog"],
    ["{{ intercom[ 'Signup Source' ] }}", "blog"],
    ["{{intercom.couleur_préférée}}", "bleu"],
    ["{{intercom.seats}}", "42"],
    ["{{intercom.zero}}", "0"],
    ["{{intercom.beta}}", "true"],
    ["{{intercom.created_at}}", "1734537424"],
    ["{{segment.role}}", "founder"],
    ["{{segment.interest}}", "pricing, api"],
  ])("%s → %s", (template, expected) => {
    expect(html(template)).toBe(expected);
  });

  it("escapes values, never the marketer's template", () => {
    expect(html('<p class="hi">Hi {{intercom.evil}}!</p>')).toBe('<p class="hi">Hi &lt;script&gt;alert(1)&lt;/script&gt;!</p>');
    expect(html('<a title="{{intercom.quotes}}">x</a>')).toBe('<a title="Tom &amp; &quot;Jerry&#39;s&quot;">x</a>');
  });

  it("escapes fallbacks too", () => {
    expect(html('{{intercom.missing | fallback: "<b>you</b> & \'co\'"}}')).toBe("&lt;b&gt;you&lt;/b&gt; &amp; &#39;co&#39;");
  });

  it.each([
    ['{{intercom.missing | fallback: "your favorite color"}}', "your favorite color"],
    ["{{intercom.missing|fallback:'friend'}}", "friend"],
    ['{{ intercom.missing   |   fallback :   "friend"   }}', "friend"],
    ['{{intercom.missing | fallback: "say \\"hi\\""}}', "say &quot;hi&quot;"],
    ["{{intercom.missing | fallback: 'it\\'s you'}}", "it&#39;s you"],
    ['{{intercom.missing | fallback: "back\\\\slash"}}', "back\\slash"],
    ['{{intercom.missing | fallback: "it\'s"}}', "it&#39;s"],
    ['{{intercom.missing | fallback: "a }} b | c"}}', "a }} b | c"],
    ['{{intercom.missing | fallback: ""}}', ""],
    ['{{intercom.blank | fallback: "friend"}}', "friend"],
    ['{{intercom.nothing | fallback: "friend"}}', "friend"],
    ['{{intercom.external_id | fallback: "none"}}', "none"],
    ['{{intercom.name | fallback: "friend"}}', "Ada"],
    ['{{segment.size | fallback: "any size"}}', "any size"],
    ['{{segment.empty | fallback: "any"}}', "any"],
    ["{{intercom.missing}}", ""],
    ["{{intercom.constructor}}", ""],
    ["{{intercom.__proto__}}", ""],
  ])("%s → %s", (template, expected) => {
    expect(html(template)).toBe(expected);
  });

  it("uses fallbacks when Intercom is unavailable; segments still render", () => {
    expect(html('Hi {{intercom.name | fallback: "there"}}, {{segment.role | fallback: "reader"}}', anonymous)).toBe("Hi there, reader");
    expect(html("{{ segment.role }}", { ...anonymous, segments: { role: ["founder"] } })).toBe("founder");
  });

  it("reports each tag's value and whether the fallback was used", () => {
    const result = renderMergeTags('{{intercom.name}} likes {{ intercom.missing | fallback: "things" }}{{intercom.gone}}', context);
    expect(result.tags).toEqual([
      { expression: "{{intercom.name}}", path: "intercom.name", value: "Ada", usedFallback: false },
      { expression: '{{ intercom.missing | fallback: "things" }}', path: "intercom.missing", value: "things", usedFallback: true },
      { expression: "{{intercom.gone}}", path: "intercom.gone", value: "", usedFallback: true },
    ]);
    expect(result.html).toBe("Ada likes things");
  });

  it("shows segment names when given", () => {
    const names = { interest: { pricing: "Pricing", api: "The API" } };
    expect(renderMergeTags("{{segment.interest}}", context, { segmentNames: names }).html).toBe("Pricing, The API");
  });

  it("renders many tags in one template", () => {
    const template = Array.from({ length: 200 }, (_, i) => `<li>${i}:{{intercom.name}}/{{ intercom.missing | fallback: "f${i}" }}</li>`).join("");
    const result = renderMergeTags(template, context);
    expect(result.tags).toHaveLength(400);
    expect(result.html).toBe(Array.from({ length: 200 }, (_, i) => `<li>${i}:Ada/f${i}</li>`).join(""));
  });

  it.each([
    "{{intercom.}}",
    "{{ user.name }}",
    "{{Intercom.name}}",
    "{{}}",
    "{{   }}",
    "{{intercom.name | upper}}",
    "{{intercom.name | fallback: friend}}",
    "{{intercom.name | fallback}}",
    "{{intercom.name extra}}",
    '{{intercom[""]}}',
    "{{intercom[name]}}",
    '{{segment["role"]}}',
    "{{{intercom.name}}}",
  ])("leaves the malformed tag %s as written", (template) => {
    const result = renderMergeTags(template, context);
    expect(result.html).toBe(template);
    expect(result.tags).toEqual([]);
  });

  it("keeps rendering after an unclosed or nested tag", () => {
    expect(html("{{ intercom.name and {{intercom.favorite_color}}")).toBe("{{ intercom.name and teal");
    expect(html("{{ {{intercom.name}} }}")).toBe("{{ Ada }}");
    expect(html('{{intercom.x | fallback: "oops}} then {{intercom.name}}')).toBe('{{intercom.x | fallback: "oops}} then Ada');
  });

  it("leaves text without tags alone", () => {
    const text = "<style>a{color:red}</style> { single } }} and {";
    expect(html(text)).toBe(text);
  });
});

describe("extractMergeTags", () => {
  it("lists tags with positions, canonical paths and fallbacks", () => {
    const template = 'Hi {{ intercom.name | fallback: "there" }} from {{intercom[\'Signup Source\']}} as {{segment.role}}';
    const { tags, problems } = extractMergeTags(template);
    expect(problems).toEqual([]);
    expect(tags.map(({ path, fallback, start, end }) => ({ path, fallback, text: template.slice(start, end) }))).toEqual([
      { path: "intercom.name", fallback: "there", text: '{{ intercom.name | fallback: "there" }}' },
      { path: 'intercom["Signup Source"]', fallback: undefined, text: "{{intercom['Signup Source']}}" },
      { path: "segment.role", fallback: undefined, text: "{{segment.role}}" },
    ]);
    expect(tags[1]).toMatchObject({ namespace: "intercom", key: "Signup Source" });
  });

  it("reports malformed tags with line, column and a message", () => {
    const template = "<p>\n  Hi {{ intercom.name | upper }}\n</p>{{ intercom.x";
    const { tags, problems } = extractMergeTags(template);
    expect(tags).toEqual([]);
    expect(problems).toEqual([
      {
        source: "{{ intercom.name | upper }}",
        start: 9,
        end: 36,
        line: 2,
        column: 6,
        message: 'Unknown filter "upper". Only fallback is supported.',
      },
      expect.objectContaining({ start: 41, line: 3, column: 5, message: "This merge tag isn't closed with }}." }),
    ]);
  });

  it.each([
    ["{{ user.name }}", "Unknown merge tag"],
    ["{{}}", "Empty merge tag."],
    ["{{intercom}}", "Add the attribute"],
    ["{{segment}}", "Add the segment group"],
    ["{{intercom.name | fallback: friend}}", "Put the fallback text in quotes"],
    ["{{intercom.name | fallback 'x'}}", "| fallback: \"text\""],
    ['{{intercom.name | fallback: "x}}', "Unterminated string"],
    ["{{intercom[Signup Source]}}", 'intercom["Signup Source"]'],
    ["{{intercom.name extra}}", 'Unexpected "extra"'],
  ])("%s → %s", (template, message) => {
    expect(extractMergeTags(template).problems[0]?.message).toContain(message);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });
});
