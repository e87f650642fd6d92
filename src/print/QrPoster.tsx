import { useT } from '../i18n';
import { qrPath, QUIET_ZONE, type QrMatrix } from './qr';
import { UserText } from '../ui/UserText';

/** The QR code as vector art: sharp at any poster size, and no data: URL or inline style needed. */
export function QrSvg({ qr, url, className }: { qr: QrMatrix; url: string; className?: string }) {
  const { t } = useT();
  const side = qr.size + 2 * QUIET_ZONE;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={t('qrCodeOf', { url })}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(qr)} fill="#000" />
    </svg>
  );
}

/** A poster for the counter or the window: the shop's name, "단골 주문", a big QR code and the link. */
export function QrPoster({
  shopName,
  url,
  qr,
  preview = false,
}: {
  shopName: string;
  url: string;
  qr: QrMatrix;
  /** Shown on screen inside the console, where the shop's name is not the page's heading. */
  preview?: boolean;
}) {
  const { t } = useT();
  const Name = preview ? 'p' : 'h1';
  return (
    <article className="poster" aria-label={t('qrPoster')}>
      <Name className="poster-shop">
        <UserText>{shopName}</UserText>
      </Name>
      <p className="poster-headline">{t('qrPosterHeadline')}</p>
      <p className="poster-lead">{t('qrPosterLead')}</p>
      <QrSvg qr={qr} url={url} className="poster-qr" />
      <p className="poster-url">{url}</p>
    </article>
  );
}
