import { defineMessages } from '../define';

export const reservations = defineMessages({
  ko: {},
  en: {},
});
