"use client";

import { Trash2 } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { parseAttributeName, ruleAttributeName } from "@/lib/rules/attributes";
import { ruleAttributeState, tagState, type ReferenceState } from "@/lib/rules/references";
import {
  SEGMENT_OPERATORS,
  TAG_OPERATORS,
  type AttributeCondition,
  type AttributeValue,
  type Condition,
  type SegmentCondition,
  type TagCondition,
} from "@/lib/rules/schema";
import { attributeOperatorLabels, conditionTypeLabels, segmentOperatorLabels, tagOperatorLabels } from "@/lib/rules/labels";
import { useIntercomCatalogue } from "./catalogue-context";
import { ReferenceFlag } from "./reference-flag";
import {
  errorAt,
  operatorsFor,
  parseList,
  valueKindFor,
  type RuleAttributeOption,
  type RuleSegmentGroupOption,
  type ValueKind,
} from "./rule-options";

export function newCondition(type: Condition["type"], id: string): Condition {
  switch (type) {
    case "tag":
      return { id, type, operator: "has", tag: "" };
    case "attribute":
      return { id, type, attribute: "", operator: "equals", value: "" };
    case "segment":
      return { id, type, group: "", operator: "is", segment: "" };
  }
}

/** Keeps the value when the new operator takes the same kind; otherwise starts from an empty one. */
function valueFor(kind: ValueKind, previous: AttributeValue | undefined, previousKind: ValueKind): AttributeValue | undefined {
  if (kind === "none") return undefined;
  if (kind === previousKind) return previous;
  if (kind === "list") return typeof previous === "string" ? parseList(previous) : [];
  if (previousKind === "list" && Array.isArray(previous) && kind === "text") return previous.join(", ");
  if (kind === "boolean") return true;
  return "";
}

type RowProps = {
  condition: Condition;
  /** 1-based position inside its group, for labels ("Condition 2"). */
  position: number;
  idPrefix: string;
  errors: unknown;
  disabled?: boolean;
  attributes: RuleAttributeOption[];
  segmentGroups: RuleSegmentGroupOption[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
};

export function ConditionRow({ condition, position, idPrefix, errors, disabled, attributes, segmentGroups, onChange, onRemove }: RowProps) {
  const id = `${idPrefix}-${condition.id}`;
  const fieldErrors = [
    errorAt(errors, ["tag"]),
    errorAt(errors, ["attribute"]),
    errorAt(errors, ["value"]),
    errorAt(errors, ["group"]),
    errorAt(errors, ["segment"]),
    errorAt(errors, ["operator"]),
  ].filter((m): m is string => Boolean(m));
  const errorId = `${id}-error`;
  const invalid = (key: string) => (errorAt(errors, [key]) ? { "aria-invalid": true, "aria-describedby": errorId } : {});

  return (
    <div role="group" aria-label={`Condition ${position}`} className="rounded-md border border-zinc-200 bg-white p-2">
      <div className="flex flex-wrap items-start gap-2">
        <div className="w-full sm:w-44">
          <Select
            aria-label="Condition type"
            value={condition.type}
            disabled={disabled}
            onChange={(e) => onChange(newCondition(e.target.value as Condition["type"], condition.id))}
          >
            {(Object.keys(conditionTypeLabels) as Condition["type"][]).map((type) => (
              <option key={type} value={type}>
                {conditionTypeLabels[type]}
              </option>
            ))}
          </Select>
        </div>
        {condition.type === "tag" ? (
          <>
            <div className="w-full sm:w-44">
              <Select
                aria-label="Tag operator"
                value={condition.operator}
                disabled={disabled}
                onChange={(e) => onChange({ ...condition, operator: e.target.value as typeof condition.operator })}
              >
                {TAG_OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {tagOperatorLabels[op]}
                  </option>
                ))}
              </Select>
            </div>
            <TagField condition={condition} id={id} disabled={disabled} invalid={invalid} onChange={onChange} />
          </>
        ) : null}
        {condition.type === "attribute" ? (
          <AttributeFields condition={condition} id={id} disabled={disabled} attributes={attributes} invalid={invalid} onChange={onChange} />
        ) : null}
        {condition.type === "segment" ? (
          <SegmentFields condition={condition} disabled={disabled} segmentGroups={segmentGroups} invalid={invalid} onChange={onChange} />
        ) : null}
        {disabled ? null : (
          <Button type="button" variant="remove" size="icon" onClick={onRemove} aria-label={`Remove condition ${position}`}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        )}
      </div>
      {fieldErrors.length > 0 ? (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {fieldErrors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type Invalid = (key: string) => object;

function TagField({ condition, id, disabled, invalid, onChange }: { condition: TagCondition; id: string; disabled?: boolean; invalid: Invalid; onChange: (c: Condition) => void }) {
  const catalogue = useIntercomCatalogue();
  const options: ComboboxOption[] = (catalogue.tags ?? []).map((tag) => ({ value: tag, label: tag }));
  const state = tagState(catalogue, condition.tag);
  const flagId = `${id}-tag-state`;
  const flagged = state === "missing";
  return (
    <div className="min-w-0 flex-1 basis-40">
      <CheckedCombobox
        label="Tag"
        placeholder={catalogue.tags === null ? "vip" : "Search tags…"}
        listLabel="Intercom tags"
        emptyText="No Intercom tag matches: it will be kept as typed."
        options={options}
        value={condition.tag}
        disabled={disabled}
        invalid={invalid("tag")}
        flag={flagged ? { id: flagId, state, extra: "Saved as typed; it matches no contact until the tag exists." } : null}
        onChange={(tag) => onChange({ ...condition, tag })}
      />
    </div>
  );
}

/** A tag or attribute field: suggestions from Intercom, and a flag described to screen readers when Intercom doesn't have the value. */
function CheckedCombobox({
  label,
  invalid,
  flag,
  ...props
}: Omit<ComponentProps<typeof Combobox>, "aria-label"> & { label: string; invalid: object; flag: { id: string; state: ReferenceState; extra?: string } | null }) {
  const aria = invalid as { "aria-describedby"?: string };
  return (
    <>
      <Combobox aria-label={label} {...props} {...aria} aria-describedby={[aria["aria-describedby"], flag?.id].filter(Boolean).join(" ") || undefined} />
      {flag ? <ReferenceFlag id={flag.id} state={flag.state} extra={flag.extra} /> : null}
    </>
  );
}

function AttributeFields({
  condition,
  id,
  disabled,
  attributes,
  invalid,
  onChange,
}: {
  condition: AttributeCondition;
  id: string;
  disabled?: boolean;
  attributes: RuleAttributeOption[];
  invalid: Invalid;
  onChange: (c: Condition) => void;
}) {
  const catalogue = useIntercomCatalogue();
  const ref = parseAttributeName(condition.attribute);
  const chosen = ref ? attributes.find((a) => a.custom === (ref.source === "custom") && a.name.toLowerCase() === ref.key.toLowerCase()) : undefined;
  const kind = valueKindFor(condition.operator, chosen?.dataType);
  const operators = operatorsFor(chosen?.dataType);
  const state = ruleAttributeState(catalogue, condition.attribute);
  const flagId = `${id}-attribute-state`;
  const flagged = state === "missing" || state === "archived";
  const options: ComboboxOption[] = attributes.map((a) => ({
    value: ruleAttributeName(a.name),
    label: a.name,
    detail: dataTypeWords[a.dataType] ?? a.dataType,
    badge: a.archived ? "archived" : a.writable ? undefined : "read-only",
  }));

  const setAttribute = (attribute: string) => {
    const nextRef = parseAttributeName(attribute);
    const next = nextRef ? attributes.find((a) => a.custom === (nextRef.source === "custom") && a.name.toLowerCase() === nextRef.key.toLowerCase()) : undefined;
    const allowed = operatorsFor(next?.dataType);
    if (allowed.includes(condition.operator) && valueKindFor(condition.operator, next?.dataType) === kind) return onChange({ ...condition, attribute });
    // The new attribute's type takes other operators or another kind of value: start that part afresh.
    const operator = allowed.includes(condition.operator) ? condition.operator : allowed[0]!;
    const value = valueFor(valueKindFor(operator, next?.dataType), condition.value, kind);
    const base: AttributeCondition = { id: condition.id, type: "attribute", attribute, operator };
    onChange(value === undefined ? base : { ...base, value });
  };

  return (
    <>
      <div className="min-w-0 flex-1 basis-44">
        <CheckedCombobox
          label="Attribute"
          placeholder="Search attributes…"
          listLabel="Intercom attributes"
          emptyText="No Intercom attribute matches: type intercom.<name> to keep your own."
          options={options}
          value={condition.attribute}
          disabled={disabled}
          invalid={invalid("attribute")}
          flag={flagged ? { id: flagId, state, extra: state === "missing" ? "Saved as typed; contacts have no value for it." : undefined } : null}
          onChange={setAttribute}
        />
      </div>
      <div className="w-full sm:w-40">
        <Select
          aria-label="Operator"
          value={condition.operator}
          disabled={disabled}
          onChange={(e) => {
            const operator = e.target.value as AttributeCondition["operator"];
            const value = valueFor(valueKindFor(operator, chosen?.dataType), condition.value, kind);
            const next: AttributeCondition = { id: condition.id, type: "attribute", attribute: condition.attribute, operator };
            onChange(value === undefined ? next : { ...next, value });
          }}
        >
          {(operators.includes(condition.operator) ? operators : [...operators, condition.operator]).map((op) => (
            <option key={op} value={op}>
              {attributeOperatorLabels[op]}
            </option>
          ))}
        </Select>
      </div>
      {kind === "none" ? null : (
        <div className="min-w-0 flex-1 basis-36">
          <ValueInput
            // A new kind starts a fresh input, so the list's typed text never leaks into a number field.
            key={kind}
            kind={kind}
            value={condition.value}
            disabled={disabled}
            invalid={invalid("value")}
            onChange={(value) => onChange({ ...condition, value })}
          />
        </div>
      )}
    </>
  );
}

const dataTypeWords: Record<string, string> = { string: "text", integer: "integer", float: "decimal", boolean: "yes/no", date: "date" };

function ValueInput({
  kind,
  value,
  disabled,
  invalid,
  onChange,
}: {
  kind: Exclude<ValueKind, "none">;
  value: AttributeValue | undefined;
  disabled?: boolean;
  invalid: object;
  onChange: (value: AttributeValue) => void;
}) {
  // Lists are edited as text; keeping the text locally lets "a, " be typed before the next value.
  const [listText, setListText] = useState(() => (Array.isArray(value) ? value.join(", ") : ""));
  if (kind === "list") {
    return (
      <Input
        aria-label="Values, separated by commas"
        placeholder="red, teal, blue"
        value={listText}
        disabled={disabled}
        {...invalid}
        onChange={(e) => {
          setListText(e.target.value);
          onChange(parseList(e.target.value));
        }}
      />
    );
  }
  const text = value === undefined || Array.isArray(value) ? "" : String(value);
  if (kind === "number") {
    return (
      <Input
        aria-label="Number"
        type="number"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        {...invalid}
        onChange={(e) => onChange(e.target.value === "" ? "" : Number(e.target.value))}
      />
    );
  }
  if (kind === "boolean") {
    return (
      <Select aria-label="Value" value={value === false ? "false" : "true"} disabled={disabled} {...invalid} onChange={(e) => onChange(e.target.value === "true")}>
        <option value="true">true</option>
        <option value="false">false</option>
      </Select>
    );
  }
  if (kind === "date") {
    return <Input aria-label="Date" type="date" value={text} disabled={disabled} {...invalid} onChange={(e) => onChange(e.target.value)} />;
  }
  return <Input aria-label="Value" value={text} disabled={disabled} {...invalid} onChange={(e) => onChange(e.target.value)} />;
}

function SegmentFields({
  condition,
  disabled,
  segmentGroups,
  invalid,
  onChange,
}: {
  condition: SegmentCondition;
  disabled?: boolean;
  segmentGroups: RuleSegmentGroupOption[];
  invalid: Invalid;
  onChange: (c: Condition) => void;
}) {
  const group = segmentGroups.find((g) => g.key === condition.group);
  const needsSegment = condition.operator === "is" || condition.operator === "is_not";
  const useSelects = segmentGroups.length > 0;
  return (
    <>
      <div className="min-w-0 flex-1 basis-36">
        {useSelects ? (
          <Select
            aria-label="Segment group"
            value={condition.group}
            disabled={disabled}
            {...invalid("group")}
            onChange={(e) => onChange({ ...condition, group: e.target.value, ...(needsSegment ? { segment: "" } : {}) })}
          >
            <option value="">Choose a group…</option>
            {segmentGroups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
            {condition.group && !group ? <option value={condition.group}>{condition.group} (deleted)</option> : null}
          </Select>
        ) : (
          <Input
            aria-label="Segment group"
            placeholder="role"
            value={condition.group}
            disabled={disabled}
            {...invalid("group")}
            onChange={(e) => onChange({ ...condition, group: e.target.value })}
          />
        )}
      </div>
      <div className="w-full sm:w-32">
        <Select
          aria-label="Segment operator"
          value={condition.operator}
          disabled={disabled}
          onChange={(e) => {
            const operator = e.target.value as SegmentCondition["operator"];
            const base: SegmentCondition = { id: condition.id, type: "segment", group: condition.group, operator };
            onChange(operator === "is" || operator === "is_not" ? { ...base, segment: condition.segment ?? "" } : base);
          }}
        >
          {SEGMENT_OPERATORS.map((op) => (
            <option key={op} value={op}>
              {segmentOperatorLabels[op]}
            </option>
          ))}
        </Select>
      </div>
      {needsSegment ? (
        <div className="min-w-0 flex-1 basis-36">
          {useSelects && group ? (
            <Select
              aria-label="Segment"
              value={condition.segment ?? ""}
              disabled={disabled}
              {...invalid("segment")}
              onChange={(e) => onChange({ ...condition, segment: e.target.value })}
            >
              <option value="">Choose a segment…</option>
              {group.segments.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
              {condition.segment && !group.segments.some((s) => s.key === condition.segment) ? (
                <option value={condition.segment}>{condition.segment} (deleted)</option>
              ) : null}
            </Select>
          ) : (
            <Input
              aria-label="Segment"
              placeholder="founder"
              value={condition.segment ?? ""}
              disabled={disabled || (useSelects && !group)}
              {...invalid("segment")}
              onChange={(e) => onChange({ ...condition, segment: e.target.value })}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
