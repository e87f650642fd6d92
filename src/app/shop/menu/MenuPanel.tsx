import { useState, type FormEvent } from 'react';
import { isSoldOut, type MenuItem } from '../../../domain/catalogue';
import { shopLocalDate } from '../../../domain/hours';
import { formatWon } from '../../../domain/money';
import { can } from '../../../domain/roles';
import { call } from '../../../client/api';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { Field } from '../../../ui/Field';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { useLoader } from '../../../ui/useLoader';
import type { Me } from '../session';

export function MenuPanel({ me }: { me: Me }) {
  const { lang, t } = useT();
  const [loaded] = useLoader(
    () => call('publicShop', { lang, params: { slug: me.shop.slug } }),
    me.shop.slug,
  );
  if (loaded.state === 'loading') return <p className="loading">{t('loading')}</p>;
  if (loaded.state === 'failed') return <Alert error={loaded.error.message} />;
  const today = shopLocalDate(new Date(), loaded.data.shop.timeZone);
  return (
    <section aria-label={t('tabMenu')}>
      <h2>{t('tabMenu')}</h2>
      <ul className="menu-list">
        {loaded.data.items.map((item) => (
          <ItemRow key={item.id} initial={item} today={today} canEditPrice={can(me.user.role, 'menu.edit')} />
        ))}
      </ul>
    </section>
  );
}

function ItemRow({
  initial,
  today,
  canEditPrice,
}: {
  initial: MenuItem;
  today: string;
  canEditPrice: boolean;
}) {
  const { lang, t } = useT();
  const [item, setItem] = useState(initial);
  const [price, setPrice] = useState(String(initial.price));
  const { busy, error, info, run } = useAsyncAction();
  const soldOut = isSoldOut(item, today);

  const toggleSoldOut = () =>
    run(async () => {
      setItem(
        await call('updateItem', {
          lang,
          params: { itemId: item.id },
          body: { soldOutUntil: soldOut ? null : today },
        }),
      );
      return t('saved');
    });
  const savePrice = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setItem(
        await call('updateItem', { lang, params: { itemId: item.id }, body: { price: Number(price) } }),
      );
      return t('saved');
    });
  };

  return (
    <li className={soldOut ? 'menu-item sold-out' : 'menu-item'} aria-label={item.name}>
      <div>
        <h3>{item.name}</h3>
        <p className="price">{formatWon(item.price, lang)}</p>
        {soldOut && <p className="badge">{t('soldOutToday')}</p>}
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => void toggleSoldOut()}
            aria-label={`${item.name}: ${t(soldOut ? 'markAvailable' : 'markSoldOut')}`}
          >
            {t(soldOut ? 'markAvailable' : 'markSoldOut')}
          </button>
        </div>
        {canEditPrice && (
          <form className="row" onSubmit={savePrice} aria-label={`${item.name} ${t('price')}`}>
            <Field
              label={`${item.name} ${t('price')}`}
              type="number"
              inputMode="numeric"
              min={0}
              step={100}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
            <button type="submit" disabled={busy}>
              {t('savePrice')}
            </button>
          </form>
        )}
        <Alert error={error} info={info} />
      </div>
    </li>
  );
}
