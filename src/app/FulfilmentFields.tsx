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
  error,
  addressError,
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
  /** A problem with the choice, or with the address, shown next to it (the page moves focus there). */
  error?: string | null;
  addressError?: string | null;
}) {
  const { t } = useT();
  return (
    <>
      {offered.length > 1 && (
        <fieldset data-field="fulfilment">
          <legend>{t('howToGet')}</legend>
          {offered.map((f) => (
            <label key={f} className="choice">
              <input type="radio" name={name} checked={value === f} onChange={() => onChange(f)} />
              {t(f === 'pickup' ? 'fulfilPickup' : 'fulfilDelivery')}
            </label>
          ))}
          {error && (
            <small className="field-error" role="alert">
              {error}
            </small>
          )}
        </fieldset>
      )}
      {value === 'delivery' && (
        <div data-field="address">
          <Field
            label={t('deliveryAddress')}
            value={address}
            onChange={(e) => onAddress(typed(e))}
            maxLength={200}
            autoComplete={autoComplete}
            error={addressError}
          />
        </div>
      )}
    </>
  );
}
