import { forwardRef, useId, type TextareaHTMLAttributes } from 'react';
import { useT } from '../i18n';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'maxLength'> {
  label: string;
  value: string;
  maxLength: number;
  error?: string | null;
}

/**
 * A labelled text area that shows how much is left ("12/500자"), so nothing is cut silently at the
 * limit: the count is read with the field, and at the limit it says so in words.
 */
export const CountedTextArea = forwardRef<HTMLTextAreaElement, Props>(function CountedTextArea(
  { label, value, maxLength, error, ...area },
  ref,
) {
  const { t } = useT();
  const id = useId();
  const full = value.length >= maxLength;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        value={value}
        maxLength={maxLength}
        aria-invalid={!!error || undefined}
        aria-describedby={[`${id}-count`, error && `${id}-error`].filter(Boolean).join(' ')}
        {...area}
      />
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
      <small id={`${id}-count`} className="hint counter">
        {t('noteCounter', { n: value.length, max: maxLength })}
      </small>
      {full && (
        <small role="status" className="hint counter-full">
          {t('noteFull', { max: maxLength })}
        </small>
      )}
    </div>
  );
});
