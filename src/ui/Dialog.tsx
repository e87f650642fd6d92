import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The console's one modal dialog (reject, dispatch, shop status…): a native <dialog> opened modal on
 * mount, named by its title, focus kept inside, Esc closes; closing for any reason calls `onClose`.
 * With `onSubmit` it is a form: Enter or the submit button calls it with `close`, so the caller closes
 * only once what it checked is right; the close button is always there.
 */
export function Dialog({
  title,
  className = '',
  onClose,
  onSubmit,
  submitLabel,
  closeLabel,
  children,
}: {
  title: string;
  className?: string;
  onClose: () => void;
  onSubmit?: (close: () => void) => void;
  submitLabel?: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const close = () => ref.current?.close();
  const buttons = (
    <div className="row">
      {onSubmit && <button type="submit">{submitLabel}</button>}
      <button type="button" className="secondary" onClick={close}>
        {closeLabel}
      </button>
    </div>
  );
  return (
    <dialog ref={ref} className={`item-dialog ${className}`} aria-labelledby={titleId} onClose={onClose}>
      {onSubmit ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(close);
          }}
        >
          <h2 id={titleId}>{title}</h2>
          {children}
          {buttons}
        </form>
      ) : (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
          {buttons}
        </>
      )}
    </dialog>
  );
}
