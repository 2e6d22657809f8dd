"use client";

import { useMemo } from "react";
import { get, useForm as useHookForm, type FieldValues, type UseFormProps, type UseFormReturn } from "react-hook-form";

/**
 * react-hook-form's `useForm`, with `register` also rendering the field's default value
 * (`defaultValue`, or `defaultChecked` for a boolean). Plain `register` leaves fields empty in the
 * server HTML and fills them in the browser; forms shown before their JavaScript loads
 * (components/interaction-island.tsx) need the values in the HTML. Radio groups pass `checked` state
 * themselves: use `registerRadio`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-hook-form's own default for TContext
export function useForm<TFieldValues extends FieldValues = FieldValues, TContext = any, TTransformedValues = TFieldValues>(
  props?: UseFormProps<TFieldValues, TContext, TTransformedValues>,
): UseFormReturn<TFieldValues, TContext, TTransformedValues> {
  const form = useHookForm(props);
  const { register: registerField, control } = form;
  const register = useMemo(
    () =>
      ((name, options) => {
        const field = registerField(name, options);
        const value: unknown = get(control._defaultValues, name);
        if (typeof value === "boolean") return { ...field, defaultChecked: value };
        if (typeof value === "string" || typeof value === "number") return { ...field, defaultValue: value };
        return field;
      }) as typeof registerField,
    [registerField, control],
  );
  return { ...form, register };
}

/** One radio of a group registered with react-hook-form: its value, and checked in the server HTML if it is the default. */
export function registerRadio<T extends FieldValues>(form: UseFormReturn<T>, name: Parameters<UseFormReturn<T>["register"]>[0], value: string) {
  return { ...form.register(name), defaultValue: undefined, type: "radio" as const, value, defaultChecked: get(form.control._defaultValues, name) === value };
}
