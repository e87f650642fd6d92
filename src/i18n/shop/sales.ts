import { defineMessages } from '../define';

export const sales = defineMessages({
  ko: {},
  en: {},
});
