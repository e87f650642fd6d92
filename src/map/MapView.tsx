import { useEffect, useRef, useState } from 'react';
import type { LatLng } from '../domain/geo';
import { useT } from '../i18n';
import type { MapConfig, MapEvents, MapHandle, MapScene } from './slippyMap';

export type { MapConfig, MapScene };

/** OpenStreetMap's standard tiles: what a phone uses with a shop copy kept from before map settings. */
export const DEFAULT_MAP: MapConfig = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  maxZoom: 19,
};

/** Seoul City Hall: where a map opens when the shop has not set its pin yet. */
export const FALLBACK_CENTER: LatLng = { lat: 37.5662952, lng: 126.9779451 };

interface Props extends MapEvents {
  config: MapConfig | undefined;
  label: string;
  center: LatLng;
  zoom?: number;
  scene: MapScene;
  shopDraggable?: boolean;
  pinDraggable?: boolean;
  large?: boolean;
  /** Hands the live map to the screen (centre, fit), once Leaflet has loaded. */
  onReady?: (map: MapHandle) => void;
}

/**
 * A map, loaded only when it is on screen: Leaflet arrives with import() on first mount, so a page
 * that never shows a map never downloads it. Nothing waits on it: while it loads, if its code cannot
 * load (offline, not cached) or its tiles fail, the screen around it keeps working and says so.
 */
export function MapView(props: Props) {
  const { t } = useT();
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const latest = useRef(props);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [tiles, setTiles] = useState<'ok' | 'failed'>('ok');
  useEffect(() => {
    latest.current = props;
  });

  const config = props.config ?? DEFAULT_MAP;
  const configKey = JSON.stringify(config);
  useEffect(() => {
    let live = true;
    import('./slippyMap').then(
      ({ createMap }) => {
        if (!live || !el.current) return;
        const p = latest.current;
        handle.current = createMap(
          el.current,
          config,
          { center: p.center, zoom: p.zoom ?? 15 },
          {
            onClick: (x) => latest.current.onClick?.(x),
            onShopMoved: (x) => latest.current.onShopMoved?.(x),
            onPinMoved: (x) => latest.current.onPinMoved?.(x),
            onTiles: setTiles,
          },
        );
        handle.current.show(p.scene, p);
        setState('ready');
        p.onReady?.(handle.current);
      },
      () => live && setState('failed'),
    );
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = null;
    };
    // The map is made once per tile configuration; the scene is drawn by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configKey]);

  const sceneKey = JSON.stringify([props.scene, props.shopDraggable, props.pinDraggable]);
  useEffect(() => {
    handle.current?.show(latest.current.scene, latest.current);
  }, [sceneKey, state]);

  return (
    <div className={props.large ? 'map-frame map-large' : 'map-frame'}>
      <div ref={el} className="map" role="region" aria-label={props.label} data-map-state={state} />
      {state === 'loading' && <p className="map-note muted">{t('mapLoading')}</p>}
      {state === 'failed' && (
        <p className="map-note" role="status">
          {t('mapLoadFailed')}
        </p>
      )}
      {state === 'ready' && tiles === 'failed' && (
        <p className="map-note" role="status">
          {t('mapTilesFailed')}
        </p>
      )}
    </div>
  );
}
