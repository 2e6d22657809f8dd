/**
 * `cn` (lib/utils.ts) joins class names with clsx and does not resolve Tailwind conflicts: when two
 * classes set the same property, the stylesheet's order decides, not the order in the call. This test
 * reads every `cn(...)` call and every className passed to a styled primitive (components/ui, the tab
 * bar) and fails when one of them holds two classes that tailwind-merge would have merged, i.e. where
 * the result would depend on CSS order. Fix such a call site by making it unambiguous (a variant, or
 * only one of the classes), not by adding a merger back to the client bundle.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { twMerge } from "tailwind-merge";
import { describe, expect, it } from "vitest";
import { cva } from "@/components/ui/variants";

const root = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function parse(file: string) {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

/** Every literal class string inside a node (conditional branches, template parts, arrays, objects' keys). */
function literals(node: ts.Node | undefined): string[] {
  const out: string[] = [];
  if (!node) return out;
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push(n.text);
    else if (ts.isPropertyAssignment(n) && ts.isStringLiteral(n.name)) out.push(n.name.text);
    // A comparison's operands are values, not classes (`index === activeIndex ? "a" : "b"`).
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) return;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The classes of `a` that `b` would override under tailwind-merge (empty: no conflict). */
function overridden(a: string, b: string): string[] {
  const merged = new Set(twMerge(`${a} ${b}`).split(/\s+/));
  const inB = new Set(b.split(/\s+/));
  return a.split(/\s+/).filter((c) => !inB.has(c) && !merged.has(c));
}

const sourceFiles = [...files(path.join(root, "app")), ...files(path.join(root, "components"))];

type Cva = { base: string[]; variants: Map<string, Map<string, string[]>>; defaults: Map<string, string> };

/** cva(base, { variants, defaultVariants }) definitions by variable name in a file. */
function cvaDefinitions(source: ts.SourceFile) {
  const defs = new Map<string, Cva>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer) && n.initializer.expression.getText() === "cva") {
      const [base, config] = n.initializer.arguments;
      const cva: Cva = { base: base ? literals(base) : [], variants: new Map(), defaults: new Map() };
      const props = config && ts.isObjectLiteralExpression(config) ? config.properties.filter(ts.isPropertyAssignment) : [];
      for (const prop of props) {
        if (!ts.isObjectLiteralExpression(prop.initializer)) continue;
        for (const group of prop.initializer.properties.filter(ts.isPropertyAssignment)) {
          const key = group.name.getText();
          if (prop.name.getText() === "defaultVariants") cva.defaults.set(key, literals(group.initializer)[0] ?? "");
          else if (ts.isObjectLiteralExpression(group.initializer)) {
            cva.variants.set(key, new Map(group.initializer.properties.filter(ts.isPropertyAssignment).map((v) => [v.name.getText(), literals(v.initializer)])));
          }
        }
      }
      defs.set(n.name.text, cva);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return defs;
}

/**
 * The class strings one cva call produces, for each combination of the variants `chosen` allows:
 * a variant given as a literal is that one, `null` none, an absent one its default, any other expression all of them.
 * Each combination is one string (base + variants in order), checked for conflicts within itself.
 */
function cvaCombinations(cva: Cva, chosen: (group: string) => string | null | undefined): string[] {
  let combos = [cva.base.join(" ")];
  for (const [group, options] of cva.variants) {
    const pick = chosen(group);
    // "" is an explicit null (`size={null}`): no classes from that group.
    const names = pick === undefined ? [cva.defaults.get(group)!] : pick === null ? [...options.keys()] : [pick];
    combos = combos.flatMap((c) => names.map((name) => `${c} ${(options.get(name) ?? []).join(" ")}`.trim()));
  }
  return combos;
}

/** A JSX attribute's literal value: undefined when absent, null when it is an expression. */
function attribute(element: ts.JsxOpeningLikeElement, name: string): string | null | undefined {
  const attr = element.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === name) as ts.JsxAttribute | undefined;
  if (!attr) return undefined;
  if (attr.initializer && ts.isStringLiteral(attr.initializer)) return attr.initializer.text;
  if (attr.initializer && ts.isJsxExpression(attr.initializer) && attr.initializer.expression?.kind === ts.SyntaxKind.NullKeyword) return "";
  return null;
}

/** An object literal argument's property value (`buttonVariants({ variant: "ghost" })`), same convention. */
function property(arg: ts.Expression | undefined, name: string): string | null | undefined {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return null;
  const prop = arg.properties.find((p) => p.name?.getText() === name);
  if (!prop) return undefined;
  if (ts.isPropertyAssignment(prop) && ts.isStringLiteral(prop.initializer)) return prop.initializer.text;
  if (ts.isPropertyAssignment(prop) && prop.initializer.kind === ts.SyntaxKind.NullKeyword) return "";
  return null;
}

type Defaults = (element: ts.JsxOpeningLikeElement) => string[];

/** Classes each primitive applies before the caller's className: component name → its default class strings for an element. */
function primitiveDefaults() {
  const defaults = new Map<string, Defaults>();
  const dir = path.join(root, "components", "ui");
  // cva definitions may sit beside their component (button-variants.ts): gather them from every file first.
  const cvas = new Map(readdirSync(dir).flatMap((f) => [...cvaDefinitions(parse(path.join(dir, f)))]));
  for (const file of [...readdirSync(dir).map((f) => path.join(dir, f)), path.join(root, "components", "tab-bar.tsx")]) {
    if (!file.endsWith(".tsx")) continue;
    const source = parse(file);
    for (const statement of source.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
      const name = statement.name.text;
      const visit = (n: ts.Node) => {
        if (ts.isCallExpression(n) && n.expression.getText() === "cn" && n.arguments.some((a) => a.getText() === "className")) {
          const fixed = n.arguments.flatMap((arg) => (arg.getText() === "className" || (ts.isCallExpression(arg) && cvas.has(arg.expression.getText())) ? [] : literals(arg)));
          const variant = n.arguments.find((arg) => ts.isCallExpression(arg) && cvas.has(arg.expression.getText())) as ts.CallExpression | undefined;
          defaults.set(name, (element) => [
            ...fixed,
            ...(variant ? cvaCombinations(cvas.get(variant.expression.getText())!, (group) => attribute(element, group)) : []),
          ]);
        }
        ts.forEachChild(n, visit);
      };
      visit(statement);
    }
  }
  return defaults;
}

const where = (file: string, source: ts.SourceFile, n: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

describe("class names without tailwind-merge", () => {
  const defaults = primitiveDefaults();
  // The combobox hands its className (after its own) to the Input it renders.
  const combobox = defaults.get("Combobox")!;
  const input = defaults.get("Input")!;
  defaults.set("Combobox", (element) => [...combobox(element), ...input(element)]);
  const buttonCva = cvaDefinitions(parse(path.join(root, "components", "ui", "button-variants.ts"))).get("buttonVariants")!;

  it("finds the primitives' default classes", () => {
    for (const name of ["Button", "Badge", "Input", "Textarea", "Select", "Alert", "Card", "Label", "DialogContent", "TabBar", "TableCell"]) {
      expect(defaults.has(name), name).toBe(true);
    }
    expect(cvaCombinations(buttonCva, () => undefined)).toEqual([expect.stringContaining("bg-brand-600 text-white hover:bg-brand-700 h-9 px-4")]);
  });

  it("finds a conflict when there is one", () => {
    expect(overridden("h-9 px-4", "h-8")).toEqual(["h-9"]);
    expect(overridden("text-sm font-medium", "mt-2")).toEqual([]);
  });

  it("no className passed to a primitive conflicts with its default classes", () => {
    const conflicts: string[] = [];
    for (const file of sourceFiles) {
      const source = parse(file);
      const visit = (n: ts.Node) => {
        if (ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) {
          const base = defaults.get(n.tagName.getText());
          const attr = n.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === "className") as ts.JsxAttribute | undefined;
          if (base && attr?.initializer) {
            for (const passed of literals(attr.initializer)) {
              for (const own of base(n)) {
                const lost = overridden(own, passed);
                if (lost.length) conflicts.push(`${where(file, source, n)} <${n.tagName.getText()}> "${passed}" overrides ${lost.join(" ")}`);
              }
            }
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(source);
    }
    expect([...new Set(conflicts)]).toEqual([]);
  });

  it("no cn(...) or cva call joins two conflicting classes", () => {
    const conflicts: string[] = [];
    for (const file of sourceFiles) {
      const source = parse(file);
      const cvas = cvaDefinitions(source);
      const visit = (n: ts.Node) => {
        const callee = ts.isCallExpression(n) ? n.expression.getText() : "";
        if (ts.isCallExpression(n) && (callee === "cn" || callee === "buttonVariants" || cvas.has(callee))) {
          const cvaOf = (name: string) => (name === "buttonVariants" ? buttonCva : cvas.get(name));
          const args = (callee === "cn" ? [...n.arguments] : [n])
            .filter((arg) => arg.getText() !== "className")
            .map((arg) => {
              const cva = ts.isCallExpression(arg) ? cvaOf(arg.expression.getText()) : undefined;
              return cva && ts.isCallExpression(arg) ? cvaCombinations(cva, (group) => property(arg.arguments[0], group)) : literals(arg);
            });
          if (callee !== "cn") {
            const extra = property(n.arguments[0], "className") === null ? literals(n.arguments[0]!) : [];
            if (extra.length) args.push(extra);
          }
          args.forEach((earlier, i) =>
            args.slice(i + 1).forEach((later) => {
              for (const a of earlier) for (const b of later) {
                const lost = overridden(a, b);
                if (lost.length) conflicts.push(`${where(file, source, n)} "${b}" overrides ${lost.join(" ")}`);
              }
            }),
          );
          // One string alone (or one cva combination) with two classes for the same property.
          for (const strings of args) for (const s of strings) {
            const classes = new Set(s.split(/\s+/));
            if (twMerge(s).split(/\s+/).length !== classes.size) conflicts.push(`${where(file, source, n)} "${s}" holds classes that override each other`);
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(source);
    }
    expect([...new Set(conflicts)]).toEqual([]);
  });
});

describe("cva (components/ui/variants.ts)", () => {
  const box = cva("box", { variants: { tone: { plain: "tone-plain", loud: "tone-loud" }, size: { sm: "size-sm", md: "size-md" } }, defaultVariants: { tone: "plain", size: "md" } });

  it("joins base, each group's choice in definition order, then className", () => {
    expect(box()).toBe("box tone-plain size-md");
    expect(box({ size: "sm", tone: "loud", className: "extra" })).toBe("box tone-loud size-sm extra");
  });

  it("takes the default for an absent choice and nothing for null", () => {
    expect(box({ tone: "loud" })).toBe("box tone-loud size-md");
    expect(box({ size: null })).toBe("box tone-plain");
  });
});
