/** Errors are announced; confirmations are polite. Nothing renders when there is nothing to say. */
export function Alert({ error, info }: { error?: string | null; info?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="alert alert-error">
        {error}
      </p>
    );
  }
  if (info) {
    return (
      <p role="status" className="alert alert-info">
        {info}
      </p>
    );
  }
  return null;
}
