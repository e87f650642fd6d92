import { board } from './board';
import { chat } from './chat';
import { checkoutSettings } from './checkoutSettings';
import { delivery } from './delivery';
import { intake } from './intake';
import { menuEditor } from './menuEditor';
import { reservations } from './reservations';
import { lists } from './lists';
import { sales } from './sales';
import { settingsEditor } from './settingsEditor';
import { vouchers } from './vouchers';

/**
 * The console's own words, in both languages. Not part of ko.ts/en.ts: they load with the console's
 * chunk (app/shop/consoleMessages.ts registers them), so a customer's phone never downloads the
 * shop's screens' text — it had grown to ~18 KiB gzip of the customer's first load. Words a
 * customer screen also shows stay in ko.ts/en.ts (walletMessages, deliveryMessages).
 */
export const consoleMessages = {
  ko: {
    ...board.ko,
    ...chat.ko,
    ...intake.ko,
    ...reservations.ko,
    ...lists.ko,
    ...menuEditor.ko,
    ...settingsEditor.ko,
    ...checkoutSettings.ko,
    ...sales.ko,
    ...vouchers.ko,
    ...delivery.ko,
  },
  en: {
    ...board.en,
    ...chat.en,
    ...intake.en,
    ...reservations.en,
    ...lists.en,
    ...menuEditor.en,
    ...settingsEditor.en,
    ...checkoutSettings.en,
    ...sales.en,
    ...vouchers.en,
    ...delivery.en,
  },
};

export type ConsoleKey = keyof typeof consoleMessages.ko;
