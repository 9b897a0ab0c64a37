import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** `id` defaults to `name`; give one when the same field appears in several forms on a page. */
type FieldProps = { name: string; id?: string; label: string; errors?: string[]; hint?: string; children?: ReactNode };

const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600 sm:text-sm';

/** Label, control, hint and the field's errors, tied together with aria-describedby. */
export function Field({ name, id = name, label, errors, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError name={name} id={id} errors={errors} />
    </div>
  );
}

/**
 * A field's errors on their own line (`id` defaults to `name`; the control's aria-describedby points at
 * `${id}-error`); for errors of a field without a control of its own, or shown apart from it. Nothing when
 * there are none.
 */
export function FieldError({
  name,
  id = name,
  errors,
  role,
}: {
  name: string;
  id?: string;
  errors?: string[];
  role?: 'alert';
}) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} role={role} className="text-sm text-red-700" data-field-error={name}>
      {errors.join('；')}
    </p>
  );
}

function controlProps(name: string, id: string, errors?: string[], hint?: string) {
  return {
    id,
    name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

export function TextField({
  name,
  id = name,
  label,
  errors,
  hint,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field name={name} id={id} label={label} errors={errors} hint={hint}>
      <input className={inputClass} {...controlProps(name, id, errors, hint)} {...input} />
    </Field>
  );
}

export function SelectField({
  name,
  id = name,
  label,
  errors,
  hint,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field name={name} id={id} label={label} errors={errors} hint={hint}>
      <select className={inputClass} {...controlProps(name, id, errors, hint)} {...select}>
        {children}
      </select>
    </Field>
  );
}

/** A multi-line text field with its label, hint and errors, like TextField. */
export function TextareaField({
  name,
  id = name,
  label,
  errors,
  hint,
  rows = 3,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field name={name} id={id} label={label} errors={errors} hint={hint}>
      <textarea rows={rows} className={inputClass} {...controlProps(name, id, errors, hint)} {...textarea} />
    </Field>
  );
}

export function CheckboxField({
  name,
  id = name,
  label,
  errors,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          id={id}
          name={name}
          className="h-4 w-4 rounded border-slate-300"
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          {...input}
        />
        {label}
      </label>
      <FieldError name={name} id={id} errors={errors} />
    </div>
  );
}

export { inputClass };
