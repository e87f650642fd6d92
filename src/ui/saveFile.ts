/**
 * Saves text as a file on the device: a Blob behind a temporary link with a `download` name. Works
 * offline (nothing is fetched) and keeps a Korean file name as it is. The one place the screens touch
 * object URLs and synthetic clicks.
 */
export function saveFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A name safe on Windows, macOS and phones: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
}
