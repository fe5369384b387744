import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from './api';
import { en, es, type MessageKey } from './messages';

export type Lang = 'es' | 'en';
const KEY = 'rueda.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { es, en };

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** A message with {name} placeholders filled in. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the language's side of a bilingual API text. */
  pick: (m: { es: string; en: string } | undefined | null) => string;
  /** A readable explanation of any error (API bilingual messages, field issues). */
  errorText: (e: unknown) => string;
  num: (n: number, digits?: number) => string;
  time: (iso: string | Date, timeZone?: string) => string;
  dateTime: (iso: string | Date, timeZone?: string) => string;
  day: (iso: string | Date, timeZone?: string) => string;
}

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
    const locale = lang === 'es' ? 'es-EC' : 'en-GB';
    const t: I18n['t'] = (key, vars) => {
      let s = dict[key] ?? es[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    const pick: I18n['pick'] = (m) => (m ? (m[lang] ?? m.es) : '');
    const fmt = (opts: Intl.DateTimeFormatOptions) => (iso: string | Date, timeZone?: string) => {
      const d = typeof iso === 'string' ? new Date(iso) : iso;
      if (Number.isNaN(d.getTime())) return '—';
      try {
        return new Intl.DateTimeFormat(locale, { ...opts, timeZone }).format(d);
      } catch {
        return new Intl.DateTimeFormat(locale, opts).format(d);
      }
    };
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
      num: (n, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n),
      time: fmt({ hour: '2-digit', minute: '2-digit', hour12: false }),
      dateTime: fmt({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }),
      day: fmt({ weekday: 'long', day: 'numeric', month: 'long' }),
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
