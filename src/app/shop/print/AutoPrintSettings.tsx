import { useState } from 'react';
import type { ClientDb } from '../../../client/db';
import { useT } from '../../../i18n';
import { rememberedRollWidth, rememberRollWidth, type RollWidth } from '../../../print/paper';
import { useLive } from '../../useDeviceSync';
import { AUTO_PRINT, setAutoPrint, type AutoPrintSetting } from './autoPrintStore';
import { RollWidthChoice } from './PrintButton';
import './printControls.css';

/** This tablet's printing: auto-print of accepted orders and the roll width of its printer. */
export function AutoPrintSettings({ db }: { db: ClientDb }) {
  const { t } = useT();
  const setting = useLive(db, (d) => d.getMeta<AutoPrintSetting>(AUTO_PRINT), 'autoPrint');
  const [width, setWidth] = useState<RollWidth>(rememberedRollWidth);
  // The switch answers the tap at once; the database write follows in a moment.
  const [switching, setSwitching] = useState<boolean | null>(null);
  const toggle = async (on: boolean) => {
    setSwitching(on);
    try {
      await setAutoPrint(db, on);
    } finally {
      setSwitching(null);
    }
  };
  return (
    <section className="print-settings" aria-labelledby="print-settings-title">
      <h3 id="print-settings-title">{t('autoPrintTitle')}</h3>
      <label className="choice">
        <input
          type="checkbox"
          checked={switching ?? setting?.on === true}
          aria-describedby="auto-print-hint"
          onChange={(e) => void toggle(e.target.checked)}
        />
        {t('autoPrintToggle')}
      </label>
      <p id="auto-print-hint" className="muted">
        {t('autoPrintHint')}
      </p>
      <RollWidthChoice
        legend={t('autoPrintPaper')}
        value={width}
        onChange={(w) => {
          setWidth(w);
          rememberRollWidth(w);
        }}
      />
    </section>
  );
}
