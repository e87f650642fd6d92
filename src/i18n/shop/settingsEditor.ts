import { defineMessages } from '../define';

export const settingsEditor = defineMessages({
  ko: {},
  en: {},
});
