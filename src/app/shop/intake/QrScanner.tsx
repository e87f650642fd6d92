import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { scanQrWithCamera } from './qrCamera';

/**
 * "Scan a QR code": the customer holds up the QR of the same text message (or the shop photographs
 * it). Stops by itself once a code is read, on "stop", and when the screen is left.
 */
export function QrScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [scanning, setScanning] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  // Read inside the effect without restarting the camera whenever the parent re-renders.
  const deliver = useRef(onText);
  useEffect(() => {
    deliver.current = onText;
  }, [onText]);

  useEffect(() => {
    if (!scanning || !video.current) return;
    let stop: (() => void) | null = null;
    let left = false;
    scanQrWithCamera(video.current, (text) => {
      setScanning(false);
      deliver.current(text);
    }).then(
      (s) => (left ? s() : (stop = s)),
      () => {
        setUnavailable(true);
        setScanning(false);
      },
    );
    return () => {
      left = true;
      stop?.();
    };
  }, [scanning]);

  return (
    <div className="intake-scan">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setUnavailable(false);
          setScanning(!scanning);
        }}
      >
        {t(scanning ? 'smsScanStop' : 'smsScan')}
      </button>
      {unavailable && <p role="alert">{t('smsScanUnavailable')}</p>}
      {scanning && <p className="muted">{t('smsScanning')}</p>}
      <video ref={video} aria-label={t('smsScanVideo')} hidden={!scanning} className="intake-video" />
    </div>
  );
}
