import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatDate,
  formatDateTime,
  formatDayLong,
  formatMessage,
  formatNumber,
  formatPercent,
  formatTime,
  formatUsd,
  timeZoneLabel,
  type Lang,
  type MessageValues,
} from '@rueda/i18n';
import { ApiError } from './api';
import { en, es, type MessageKey } from './messages';

export type { Lang };
const KEY = 'rueda.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { es, en };

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** An ICU message of the dictionary, filled in: `{n, plural, one {# fila} other {# filas}}`. */
  t: (key: MessageKey, vars?: MessageValues) => string;
  /** Picks the language's side of a bilingual API text. */
  pick: (m: { es: string; en: string } | undefined | null) => string;
  /** A readable explanation of any error (API bilingual messages, field issues). */
  errorText: (e: unknown) => string;
  num: (n: number, digits?: number) => string;
  /** A percentage held as 0..100. */
  pct: (n: number, digits?: number) => string;
  usd: (n: number) => string;
  time: (iso: string | Date, timeZone?: string) => string;
  date: (iso: string | Date, timeZone?: string) => string;
  dateTime: (iso: string | Date, timeZone?: string) => string;
  day: (iso: string | Date, timeZone?: string) => string;
  /** "hora de Ecuador (GMT−5)": the zone named next to every printed time. */
  zone: (timeZone: string, at?: string | Date) => string;
}

const reported = new Set<string>();

const Ctx = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' || saved === 'es' ? saved : 'es';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: I18n['t'] = (key, vars) => {
      const pattern = dict[key] ?? es[key] ?? key;
      try {
        return formatMessage(pattern, vars, lang);
      } catch (e) {
        // A count missing from a plural message is a bug: say so once (the layout test fails on it).
        if (!reported.has(key)) console.error(`i18n: ${key}: ${e instanceof Error ? e.message : String(e)}`);
        reported.add(key);
        return pattern;
      }
    };
    const pick: I18n['pick'] = (m) => (m ? (m[lang] ?? m.es) : '');
    return {
      lang,
      setLang,
      t,
      pick,
      errorText: (e) => {
        if (e instanceof ApiError) {
          const base = e.messages ? pick(e.messages) : e.status === 404 ? t('error.notFound') : e.message || t('error.generic');
          const fields = e.body?.fields?.map((f) => `${f.path}: ${pick(f)}`) ?? [];
          return [base, ...fields].join(' · ');
        }
        return e instanceof Error ? e.message : t('error.generic');
      },
      num: (n, digits = 0) => formatNumber(n, lang, digits),
      pct: (n, digits = 1) => formatPercent(n, lang, digits),
      usd: (n) => formatUsd(n, lang),
      time: (iso, tz) => formatTime(iso, tz, lang),
      date: (iso, tz) => formatDate(iso, tz, lang),
      dateTime: (iso, tz) => formatDateTime(iso, tz, lang),
      day: (iso, tz) => formatDayLong(iso, tz, lang, false),
      zone: (tz, at) => timeZoneLabel(tz, lang, at),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

export function LangToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-toggle" role="group" aria-label={t('lang.label')}>
      <button type="button" aria-pressed={lang === 'es'} onClick={() => setLang('es')} lang="es">
        ES
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        EN
      </button>
    </div>
  );
}
