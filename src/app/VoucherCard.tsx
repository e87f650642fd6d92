import { useEffect, useState } from 'react';
import { makeQr, qrPath, QUIET_ZONE, type QrMatrix } from '../print/qr';
import { useT } from '../i18n';

/** The voucher's share link: the token travels in the path, so any messenger or SMS carries it. */
export function voucherLink(slug: string, token: string): string {
  return `${location.origin}/s/${encodeURIComponent(slug)}/v/${token}`;
}

/** A QR code drawn on the device (no outside service sees the voucher) and the typed code beneath. */
export function VoucherQr({ text, code }: { text: string; code: string }) {
  const { t } = useT();
  const [qr, setQr] = useState<QrMatrix | null>(null);
  useEffect(() => {
    let live = true;
    void makeQr(text).then((q) => live && setQr(q));
    return () => {
      live = false;
    };
  }, [text]);
  const side = qr ? qr.size + QUIET_ZONE * 2 : 0;
  return (
    <figure className="voucher-qr">
      {qr && (
        <svg
          role="img"
          aria-label={t('voucherQrOf')}
          viewBox={`0 0 ${side} ${side}`}
          width="220"
          height="220"
        >
          <rect width={side} height={side} fill="#fff" />
          <path d={qrPath(qr)} fill="#000" />
        </svg>
      )}
      <figcaption>
        {t('voucherCode')}: <strong className="voucher-code">{code}</strong>
      </figcaption>
    </figure>
  );
}
