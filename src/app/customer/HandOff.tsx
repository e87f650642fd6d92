import type { LocalOrder } from '../../client/db';
import type { MutationArgs } from '../../protocol/sync';
import { useT } from '../../i18n';
import { handoffMessage, handoffOrderOf, smsHref } from './handoffMessage';

/**
 * When the order is still only on this phone, the customer can send it to the shop by text message:
 * a readable summary for the person and a checksummed code the shop's tablet imports with this
 * order's id, so the phone's own copy, synced later, is the same order (S1). It stays in the outbox.
 * The code carries a claim key derived from the order's share secret: only this phone, which holds
 * the secret, can later take the imported order as its own — not whoever else reads the message.
 */
export function HandOff({
  order,
  args,
  shop,
  slug,
}: {
  order: LocalOrder;
  args: MutationArgs<'placeOrder'>;
  shop: { name: string; phone: string };
  slug: string;
}) {
  const { lang, t } = useT();
  const priced = order.view ?? order.draft;
  if (!priced || !shop.phone) return null;
  const body = handoffMessage({
    shopName: shop.name,
    order: handoffOrderOf(args, slug),
    priced,
    lang,
  });
  return (
    <section className="handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t('handoffTitle')}</h2>
      <p>{t('handoffLead')}</p>
      <p className="row">
        <a className="button" href={smsHref(shop.phone, body)}>
          {t('handoffSms')}
        </a>
        <a className="button secondary" href={`tel:${shop.phone.replace(/[^0-9+]/g, '')}`}>
          {t('callShop')}
        </a>
      </p>
      <p className="muted">{t('handoffStays')}</p>
    </section>
  );
}
