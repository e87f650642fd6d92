import { defineMessages } from '../define';

export const menuEditor = defineMessages({
  ko: {},
  en: {},
});
