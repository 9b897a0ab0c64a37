import { inputClass } from '@/components/ui/field';

/** A multi-line text field with its label and errors, like TextField. */
export function TextArea({
  name,
  id = name,
  label,
  errors,
  defaultValue,
  maxLength,
  rows = 3,
}: {
  name: string;
  id?: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-field-error={name}>
          {errors.join('；')}
        </p>
      ) : null}
    </div>
  );
}
