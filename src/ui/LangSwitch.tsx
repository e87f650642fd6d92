import { setLang, useT } from '../i18n';
import { LANGS } from '../protocol/lang';

const NAMES = { ko: '한국어', en: 'English' } as const;

export function LangSwitch() {
  const { lang, t } = useT();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        aria-label={t('language')}
        value={lang}
        onChange={(e) => setLang(e.target.value as typeof lang)}
      >
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
