import { useRef, useState } from 'react';
import { DEFAULT_ROAD_FACTOR, type DeliveryZones, type RadiusTier } from '../../../domain/deliveryZones';
import type { Position } from '../../../domain/geo';
import { call } from '../../../client/api';
import { useT } from '../../../i18n';
import type { RouteResponse } from '../../../protocol/routes';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { FALLBACK_CENTER, MapView } from '../../../map/MapView';
import type { MapHandle } from '../../../map/slippyMap';
import { searchAddress } from '../../../map/geocoder';
import { typed } from '../../../ui/typed';

type Settings = RouteResponse<'deliverySettings'>;

/** Whole won from a number field; an empty or broken field counts as 0 (the owner sees it at once). */
const won = (v: string) => Math.max(0, Math.round(Number(v) || 0));

/**
 * The owner's delivery areas: the shop's pin (drag it), radius tiers by road distance, and areas
 * drawn on the map by clicking their corners. Saved as a whole (the server checks the same rules as
 * the domain and answers with their own messages). Needs the server: zones are the shop's public
 * data, and a customer's fee must come from the copy the server holds.
 */
export function ZonesEditor({ initial }: { initial: Settings }) {
  const { t } = useT();
  const [zones, setZones] = useState<DeliveryZones>(initial.delivery);
  const [drawing, setDrawing] = useState<Position[] | null>(null);
  const map = useRef<MapHandle | null>(null);
  const { lang } = useT();
  const action = useAsyncAction();
  const save = () =>
    action.run(async () => {
      const res = await call('updateDelivery', { lang, body: zones });
      setZones(res.delivery);
      return t('zonesSaved');
    });
  const edit = (next: Partial<DeliveryZones>) => setZones({ ...zones, ...next });
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState(false);
  const geocoder = initial.map.geocoderUrl;
  async function find() {
    if (!geocoder || !query.trim()) return;
    const p = await searchAddress(geocoder, query.trim(), lang);
    setNotFound(!p);
    if (!p) return;
    edit({ shopLocation: p });
    map.current?.setView(p, 17);
  }
  const setTier = (i: number, patch: Partial<RadiusTier>) =>
    edit({ tiers: zones.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  function finish() {
    if (!drawing || drawing.length < 3) return;
    const ring: Position[] = [...drawing, drawing[0]!];
    const n = zones.polygons.length + 1;
    edit({
      polygons: [
        ...zones.polygons,
        {
          name: t('zoneDefaultName', { n }),
          area: { type: 'Polygon', coordinates: [ring] },
          fee: 3000,
          minOrder: 0,
        },
      ],
    });
    setDrawing(null);
  }

  return (
    <section aria-labelledby="zones-title" className="zones-editor">
      <h2 id="zones-title">{t('zonesTitle')}</h2>
      <p className="muted">{t('zonesHint')}</p>
      <MapView
        config={initial.map}
        label={t('zonesMapLabel')}
        center={zones.shopLocation ?? FALLBACK_CENTER}
        zoom={16}
        large
        scene={{ shop: zones.shopLocation ?? null, zones, draft: drawing ?? [] }}
        shopDraggable
        onShopMoved={(p) => edit({ shopLocation: p })}
        onClick={(p) => drawing && setDrawing([...drawing, [p.lng, p.lat]])}
        onReady={(m) => (map.current = m)}
      />
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => map.current && edit({ shopLocation: map.current.center() })}
        >
          {t('shopPinHere')}
        </button>
        {drawing === null ? (
          <button type="button" className="secondary" onClick={() => setDrawing([])}>
            {t('drawZone')}
          </button>
        ) : (
          <>
            <span role="status">{t('drawingCorners', { n: drawing.length })}</span>
            <button type="button" onClick={finish} disabled={drawing.length < 3}>
              {t('finishZone')}
            </button>
            <button type="button" className="secondary" onClick={() => setDrawing(null)}>
              {t('cancelZone')}
            </button>
          </>
        )}
      </div>

      {geocoder && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <Field
            label={t('geocodeLabel')}
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="secondary">
            {t('geocodeFind')}
          </button>
          {notFound && <p role="status">{t('geocodeNotFound')}</p>}
        </form>
      )}

      <h3>{t('polygonsTitle')}</h3>
      {zones.polygons.length === 0 && <p className="muted">{t('noPolygons')}</p>}
      <ul className="plain-list">
        {zones.polygons.map((z, i) => (
          <li key={i}>
            <div className="zone-row" role="group" aria-label={z.name}>
              <Field
                label={t('zoneName')}
                value={z.name}
                maxLength={40}
                onChange={(e) =>
                  edit({
                    polygons: zones.polygons.map((x, j) => (j === i ? { ...x, name: typed(e) } : x)),
                  })
                }
              />
              <Field
                label={t('zoneFee')}
                type="number"
                min={0}
                step={100}
                value={z.fee}
                onChange={(e) =>
                  edit({
                    polygons: zones.polygons.map((x, j) =>
                      j === i ? { ...x, fee: won(e.target.value) } : x,
                    ),
                  })
                }
              />
              <Field
                label={t('zoneMinOrder')}
                type="number"
                min={0}
                step={1000}
                value={z.minOrder}
                onChange={(e) =>
                  edit({
                    polygons: zones.polygons.map((x, j) =>
                      j === i ? { ...x, minOrder: won(e.target.value) } : x,
                    ),
                  })
                }
              />
              <button
                type="button"
                className="secondary"
                aria-label={t('removeZone', { name: z.name })}
                onClick={() => edit({ polygons: zones.polygons.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h3>{t('tiersTitle')}</h3>
      <ul className="plain-list">
        {zones.tiers.map((tier, i) => (
          <li key={i}>
            <div className="zone-row" role="group" aria-label={`${tier.maxKm} km`}>
              <Field
                label={t('tierMaxKm')}
                type="number"
                min={0.1}
                step={0.1}
                value={tier.maxKm}
                onChange={(e) => setTier(i, { maxKm: Number(e.target.value) || 0 })}
              />
              <Field
                label={t('zoneFee')}
                type="number"
                min={0}
                step={100}
                value={tier.fee}
                onChange={(e) => setTier(i, { fee: won(e.target.value) })}
              />
              <Field
                label={t('zoneMinOrder')}
                type="number"
                min={0}
                step={1000}
                value={tier.minOrder}
                onChange={(e) => setTier(i, { minOrder: won(e.target.value) })}
              />
              <button
                type="button"
                className="secondary"
                aria-label={t('removeTier', { km: tier.maxKm })}
                onClick={() => edit({ tiers: zones.tiers.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const last = zones.tiers.at(-1);
          edit({
            tiers: [
              ...zones.tiers,
              {
                maxKm: (last?.maxKm ?? 0) + 1,
                fee: (last?.fee ?? 2000) + 1000,
                minOrder: last?.minOrder ?? 0,
              },
            ],
          });
        }}
      >
        {t('addTier')}
      </button>
      <Field
        label={t('roadFactor')}
        type="number"
        min={1}
        max={3}
        step={0.1}
        value={zones.roadFactor}
        onChange={(e) => edit({ roadFactor: Number(e.target.value) || DEFAULT_ROAD_FACTOR })}
      />
      <Field
        label={t('freeAbove')}
        type="number"
        min={0}
        step={1000}
        value={zones.freeAbove ?? ''}
        onChange={(e) => edit({ freeAbove: e.target.value === '' ? null : won(e.target.value) })}
      />
      <Alert error={action.error} />
      {action.info && <p role="status">{action.info}</p>}
      <button type="button" onClick={() => void save()} disabled={action.busy}>
        {t('saveZones')}
      </button>
    </section>
  );
}
