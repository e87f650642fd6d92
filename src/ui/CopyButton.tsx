import { useState } from 'react';
import { useT } from '../i18n';

/**
 * Copies `text` to the clipboard and says so on the button. Where the clipboard is unavailable (an
 * insecure origin, a refused permission) the button simply stays as it was: the text is on screen.
 */
export function CopyButton({ text, label, ariaLabel }: { text: string; label: string; ariaLabel?: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      aria-label={ariaLabel}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('copied') : label}
    </button>
  );
}
