import { forwardRef, useId, type InputHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  invalid?: boolean;
  /** Shown under the input and read with it: an error belongs next to its field, not at the page's end. */
  error?: string | null;
}

/** A labelled input: the label is what screen readers (and our tests) find it by. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, hint, invalid, error, ...input },
  ref,
) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        aria-invalid={invalid || !!error || undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
});
