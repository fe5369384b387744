import { useState, type FormEvent } from 'react';
import { call, client, session } from '../api';
import { LangToggle, useI18n } from '../i18n';
import { navigate } from '../router';
import { ErrorBox, Field } from '../ui';

export function Login() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const res = await call(client.POST('/auth/login', { body: { email, password } }));
      session.token = res.token;
      const next = new URLSearchParams(window.location.search).get('next');
      navigate(next && !next.startsWith('login') ? next : '', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login-page">
      <div className="login-lang">
        <LangToggle />
      </div>
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.name')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <Field label={t('login.email')}>
          {(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('login.password')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('common.wait') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
