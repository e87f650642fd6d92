import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { typed } from '../../../ui/typed';

/**
 * The settings form's controls: a label every screen reader (and test) finds, an optional hint, and
 * the field's own error right under it, tied to the input by aria-describedby.
 */
interface Described {
  label: string;
  hint?: string;
  error?: string | null;
}

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Notes({ id, hint, error }: { id: string; hint?: string; error?: string | null }) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </>
  );
}

type InputProps = Described &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
    onValue: (value: string) => void;
  };

export function TextInput({ label, hint, error, onValue, ...input }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(typed(e))}
        {...input}
      />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  error,
  value,
  onValue,
  maxLength,
}: Described & { value: string; onValue: (v: string) => void; maxLength: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(typed(e))}
      />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function Toggle({
  label,
  hint,
  error,
  checked,
  onChecked,
}: Described & { checked: boolean; onChecked: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(e) => onChecked(e.target.checked)}
        />
        {label}
      </label>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function Select({
  label,
  hint,
  error,
  value,
  onValue,
  children,
}: Described & { value: string; onValue: (v: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.target.value)}
      >
        {children}
      </select>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A section of the form with its heading; the heading names the region for screen readers. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
