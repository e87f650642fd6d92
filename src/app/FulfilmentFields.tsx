import type { Fulfilment } from '../domain/order';
import { useT } from '../i18n';
import { Field } from '../ui/Field';
import { typed } from '../ui/typed';

/**
 * Pickup or delivery, and where to, for the customer's checkout and the tablet's phone order alike.
 * The choice shows only when the shop offers both; the address only for a delivery.
 */
export function FulfilmentFields({
  name,
  offered,
  value,
  onChange,
  address,
  onAddress,
  autoComplete,
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  offered: readonly Fulfilment[];
  value: Fulfilment;
  onChange: (f: Fulfilment) => void;
  address: string;
  onAddress: (address: string) => void;
  /** "street-address" when the person typing is the one receiving it (the customer's own phone). */
  autoComplete?: string;
}) {
  const { t } = useT();
  return (
    <>
      {offered.length > 1 && (
        <fieldset>
          <legend>{t('howToGet')}</legend>
          {offered.map((f) => (
            <label key={f} className="choice">
              <input type="radio" name={name} checked={value === f} onChange={() => onChange(f)} />
              {t(f === 'pickup' ? 'fulfilPickup' : 'fulfilDelivery')}
            </label>
          ))}
        </fieldset>
      )}
      {value === 'delivery' && (
        <Field
          label={t('deliveryAddress')}
          value={address}
          onChange={(e) => onAddress(typed(e))}
          maxLength={200}
          autoComplete={autoComplete}
        />
      )}
    </>
  );
}
