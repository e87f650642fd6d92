import { useState } from 'react';
import type { LatLng } from '../../domain/geo';
import { useT } from '../../i18n';
import { mapLinks } from '../../map/geolocation';
import { MapView, type MapConfig } from '../../map/MapView';
import { UserText } from '../../ui/UserText';

/**
 * Where the shop is, on demand: a button, then a small map with the address and links to open the
 * place in a map app (geo: URI) or on OpenStreetMap. The map loads only when asked for, so the menu's
 * first load never fetches Leaflet.
 */
export function ShopLocation({
  at,
  name,
  address,
  map,
}: {
  at: LatLng;
  name: string;
  address: string;
  map?: MapConfig;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const links = mapLinks(at, name);
  return (
    <div className="shop-location">
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('shopLocationHide') : t('shopLocationShow')}
      </button>
      {open && (
        <div>
          <MapView config={map} label={t('shopMapLabel')} center={at} zoom={16} scene={{ shop: at }} />
          {address && (
            <p>
              <UserText>{address}</UserText>
            </p>
          )}
          <p className="row">
            <a href={links.geo}>{t('openInMapApp')}</a>
            <a href={links.osm} target="_blank" rel="noopener noreferrer">
              {t('openInOsm')}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
