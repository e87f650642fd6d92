import { useState } from 'react';
import type { DeliveryQuote, DeliveryZones } from '../../domain/deliveryZones';
import type { LatLng } from '../../domain/geo';
import { formatWon } from '../../domain/money';
import { useT } from '../../i18n';
import { currentPosition, formatDistance } from '../../map/geolocation';
import { FALLBACK_CENTER, MapView, type MapConfig } from '../../map/MapView';

interface Props {
  zones: DeliveryZones | undefined;
  map: MapConfig | undefined;
  pin: LatLng | null;
  onPin: (p: LatLng) => void;
  /** The fee for the items in the cart at this pin, computed on the phone (the server checks again). */
  quote: DeliveryQuote | null;
}

/**
 * Where the delivery goes: tap the map (or use the device's location) and the fee, the area's
 * minimum or "outside the area" shows at once, from the shop's zones on this phone: offline and with
 * the tile server down too (the map then says its pictures are missing; tapping still works).
 */
export function DeliveryPin({ zones, map, pin, onPin, quote }: Props) {
  const { lang, t } = useT();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'denied'>('idle');
  const center = pin ?? zones?.shopLocation ?? FALLBACK_CENTER;

  async function locateMe() {
    setLocating('busy');
    const p = await currentPosition();
    setLocating(p ? 'idle' : 'denied');
    if (p) onPin(p);
  }

  return (
    <section aria-labelledby="delivery-pin-title" className="delivery-pin">
      <p id="delivery-pin-title" className="muted">
        {t('deliveryPinHint')}
      </p>
      <MapView
        config={map}
        label={t('deliveryMapLabel')}
        center={center}
        zoom={16}
        scene={{ shop: zones?.shopLocation ?? null, pin, zones: zones ?? null }}
        pinDraggable
        onClick={onPin}
        onPinMoved={onPin}
      />
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => void locateMe()}
          disabled={locating === 'busy'}
        >
          {locating === 'busy' ? t('locating') : t('useMyLocation')}
        </button>
      </div>
      {locating === 'denied' && <p className="muted">{t('locationDenied')}</p>}
      <div role="status" aria-live="polite" className="delivery-quote" data-testid="delivery-quote">
        {quote && <QuoteText quote={quote} freeAbove={zones?.freeAbove ?? null} lang={lang} />}
      </div>
    </section>
  );
}

function QuoteText({
  quote,
  freeAbove,
  lang,
}: {
  quote: DeliveryQuote;
  freeAbove: number | null;
  lang: 'ko' | 'en';
}) {
  const { t } = useT();
  if (quote.ok)
    return (
      <>
        <p>
          {quote.free && freeAbove !== null
            ? t('deliveryFeeFree', { above: formatWon(freeAbove, lang) })
            : t('deliveryFeeLine', { fee: formatWon(quote.fee, lang) })}
        </p>
        {quote.minOrder > 0 && (
          <p className="muted">{t('deliveryMinOrder', { amount: formatWon(quote.minOrder, lang) })}</p>
        )}
      </>
    );
  if (quote.problem === 'delivery_location_required') return <p>{t('deliveryPinNeeded')}</p>;
  if (quote.problem === 'outside_delivery_area')
    return (
      <p className="error">
        {t('deliveryOutside')}{' '}
        {quote.nearestMeters !== null &&
          t('deliveryOutsideNearest', { distance: formatDistance(quote.nearestMeters, lang) })}
      </p>
    );
  return (
    <>
      <p>{t('deliveryFeeLine', { fee: formatWon(quote.fee, lang) })}</p>
      <p className="error">{t('deliveryMinOrder', { amount: formatWon(quote.minOrder, lang) })}</p>
    </>
  );
}
