"use client";

import { FolderPlus, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { describeRule } from "@/lib/rules/describe";
import { listConditions, MAX_RULE_DEPTH, type Combinator, type Condition, type Rule, type RuleGroup, type RuleNode } from "@/lib/rules/schema";
import { cn } from "@/lib/utils";
import { ConditionRow, newCondition } from "./condition-row";
import { errorAt, type RuleAttributeOption, type RuleSegmentGroupOption } from "./rule-options";

export type { RuleAttributeOption, RuleSegmentGroupOption };

type BuilderProps = {
  value: Rule;
  onChange: (rule: Rule) => void;
  /** Names the rule for screen readers, e.g. "Audience of VIP". */
  label: string;
  /** Unique per builder on the page; prefixes element ids. */
  idPrefix: string;
  /** react-hook-form's nested errors for this rule (server paths like children.1.value land here). */
  errors?: unknown;
  disabled?: boolean;
  attributes: RuleAttributeOption[];
  segmentGroups: RuleSegmentGroupOption[];
  /** Introduces the rule's plain-language summary; "Shows to:" for audiences. */
  summaryLabel?: string;
};

const newId = () => crypto.randomUUID();

/** Audience rule editor: nested all/any groups of tag, attribute and segment conditions. Controlled. */
export function RuleBuilder({ value, onChange, label, idPrefix, errors, disabled, attributes, segmentGroups, summaryLabel = "Shows to:" }: BuilderProps) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700" id={`${idPrefix}-summary`}>
        <span className="font-medium">{summaryLabel} </span>
        <span className="break-words">{describeRule(value)}</span>
      </p>
      <GroupEditor
        group={value}
        depth={1}
        label={label}
        idPrefix={idPrefix}
        errors={errors}
        disabled={disabled}
        attributes={attributes}
        segmentGroups={segmentGroups}
        onChange={(group) => onChange(group)}
      />
      {listConditions(value).some((c) => c.type === "attribute") ? (
        <p className="text-xs text-zinc-600">
          Attributes are written as in merge tags: <code className="font-mono">intercom.&lt;name&gt;</code>, e.g.{" "}
          <code className="font-mono">intercom.email</code> or <code className="font-mono">intercom.favorite_color</code>.
        </p>
      ) : null}
    </div>
  );
}

type GroupProps = Omit<BuilderProps, "value" | "onChange"> & {
  group: RuleGroup;
  depth: number;
  onChange: (group: RuleGroup) => void;
  onRemove?: () => void;
};

function GroupEditor({ group, depth, label, idPrefix, errors, disabled, attributes, segmentGroups, onChange, onRemove }: GroupProps) {
  const groupError = errorAt(errors, ["children"]) ?? errorAt(errors, []);
  const setChild = (index: number, node: RuleNode) => onChange({ ...group, children: group.children.map((c, i) => (i === index ? node : c)) });
  const removeChild = (index: number) => onChange({ ...group, children: group.children.filter((_, i) => i !== index) });
  const add = (node: RuleNode) => onChange({ ...group, children: [...group.children, node] });
  const combinatorId = `${idPrefix}-combinator`;

  return (
    <fieldset
      className={cn("min-w-0 space-y-2 rounded-md border p-2 sm:p-3", depth === 1 ? "border-zinc-200 bg-zinc-50" : "border-dashed border-zinc-300 bg-zinc-100/60")}
      aria-label={label}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={combinatorId} className="text-sm text-zinc-700">
          Match
        </label>
        <div className="w-56">
          <Select
            id={combinatorId}
            value={group.combinator}
            disabled={disabled}
            onChange={(e) => onChange({ ...group, combinator: e.target.value as Combinator })}
          >
            <option value="and">all of these (AND)</option>
            <option value="or">any of these (OR)</option>
          </Select>
        </div>
        {onRemove && !disabled ? (
          <Button type="button" variant="remove" size="sm" onClick={onRemove} className="ml-auto">
            <Trash2 className="size-4" aria-hidden />
            Remove group
          </Button>
        ) : null}
      </div>
      {group.children.length === 0 ? (
        <p className="text-sm text-zinc-600">
          {group.combinator === "and" ? "No conditions: everyone matches." : "No conditions: no one matches."}
        </p>
      ) : (
        <ul className="space-y-2">
          {group.children.map((child, index) => (
            <li key={child.id ?? `group-${index}`}>
              {child.type === "group" ? (
                <GroupEditor
                  group={child}
                  depth={depth + 1}
                  label={`Group ${index + 1} of ${label}`}
                  idPrefix={`${idPrefix}-${child.id ?? index}`}
                  errors={childErrors(errors, index)}
                  disabled={disabled}
                  attributes={attributes}
                  segmentGroups={segmentGroups}
                  onChange={(g) => setChild(index, g)}
                  onRemove={() => removeChild(index)}
                />
              ) : (
                <ConditionRow
                  condition={child}
                  position={index + 1}
                  idPrefix={idPrefix}
                  errors={childErrors(errors, index)}
                  disabled={disabled}
                  attributes={attributes}
                  segmentGroups={segmentGroups}
                  onChange={(c: Condition) => setChild(index, c)}
                  onRemove={() => removeChild(index)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {groupError ? <p className="text-sm text-red-700">{groupError}</p> : null}
      {disabled ? null : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={() => add(newCondition("tag", newId()))}>
            <Plus className="size-4" aria-hidden />
            Add condition
          </Button>
          {depth < MAX_RULE_DEPTH ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => add({ type: "group", id: newId(), combinator: group.combinator === "and" ? "or" : "and", children: [newCondition("tag", newId())] })}
            >
              <FolderPlus className="size-4" aria-hidden />
              Add group
            </Button>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}

function childErrors(errors: unknown, index: number): unknown {
  const children = (errors as { children?: unknown } | undefined)?.children;
  return children && typeof children === "object" ? (children as Record<number, unknown>)[index] : undefined;
}
