import { optionSummary, type ItemCount, type Production } from '../../../domain/production';
import { useT } from '../../../i18n';
import { slotLabel } from './labels';
import { slotCaption, totalCaption } from './kindLabel';
import { Msg, UserText } from '../../../ui/UserText';

/**
 * The production list: for the whole day first (what to make), then per pickup slot (what must be
 * ready by when). Each item with its total, every combination of options, and every single option
 * summed (a pick-three set needs so many portions of each side dish).
 */
export function ProductionSheet({ production, print = false }: { production: Production; print?: boolean }) {
  const { t } = useT();
  if (production.orders === 0) return <p className="muted">{t('prodEmpty')}</p>;
  return (
    <div className="res-production">
      <ItemTable caption={totalCaption(production, t)} items={production.total} print={print} />
      {production.slots.map((s) => (
        <ItemTable
          key={s.slot ?? 'asap'}
          caption={slotCaption(slotLabel(s.slot, t), s, t)}
          items={s.items}
          print={print}
        />
      ))}
    </div>
  );
}

function ItemTable({ caption, items, print }: { caption: string; items: ItemCount[]; print: boolean }) {
  const { t } = useT();
  return (
    <div className="res-table-wrap">
      <table className="res-table res-production-table">
        <caption>{caption}</caption>
        <colgroup>
          <col className="res-col-item" />
          <col className="res-col-qty" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('prodItem')}</th>
            <th scope="col" className="num">
              {t('prodQuantity')}
            </th>
            <th scope="col">{t('prodVariants')}</th>
            <th scope="col">{t('prodPerOption')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const plain = i.options.length === 0;
            return (
              <tr key={i.itemId}>
                <th scope="row">
                  <UserText>{i.name}</UserText>
                </th>
                <td className={print ? 'num' : 'num res-qty'}>{i.quantity}</td>
                <td>
                  {plain ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {i.variants.map((v) => (
                        <li key={v.key}>
                          <Msg
                            text={t('prodCount')}
                            vars={{ n: v.quantity }}
                            user={{
                              name: v.options.length
                                ? optionSummary(v.options.map((o) => o.name))
                                : t('prodPlain'),
                            }}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {plain ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {i.options.map((o) => (
                        <li key={o.optionId}>
                          <Msg text={t('prodCount')} vars={{ n: o.quantity }} user={{ name: o.name }} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
