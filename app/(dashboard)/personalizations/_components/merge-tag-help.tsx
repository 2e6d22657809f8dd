const examples = [
  { code: '{{intercom.favorite_color | fallback: "your favorite color"}}', text: "A contact attribute, with text for contacts who don't have it." },
  { code: '{{intercom["Signup Source"]}}', text: "Attribute names with spaces go in brackets and quotes." },
  { code: "{{intercom.name}}", text: "Standard fields too: name, email, role, external_id." },
  { code: "{{segment.role}}", text: "The visitor's segment in a Tailor segment group." },
];

/** How merge tags are written; the content fields check them as you type. */
export function MergeTagHelp() {
  return (
    <details className="mt-3 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-zinc-800">Merge tags: personalize content with contact data</summary>
      <ul className="mt-2 space-y-1.5">
        {examples.map((e) => (
          <li key={e.code}>
            <code className="break-all rounded bg-white px-1 py-0.5 font-mono text-xs ring-1 ring-zinc-200">{e.code}</code>
            <span className="ml-2 text-zinc-600">{e.text}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-zinc-600">
        Type <code className="font-mono">{"{{"}</code> in a content field to pick an Intercom attribute. Audience rules use the same names (
        <code className="font-mono">intercom.favorite_color</code>). Values are inserted as text, never as HTML. Keep merge tags out of links (href, src).
      </p>
    </details>
  );
}
