import { defineMessages } from '../define';

export const intake = defineMessages({
  ko: {},
  en: {},
});
