import { defineMessages } from '../define';

export const board = defineMessages({
  ko: {},
  en: {},
});
