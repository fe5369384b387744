import { startTestApi } from './api';
import { TestSmtp } from './smtp';

/**
 * The API and a worker whose mail goes to a fresh SMTP server on loopback, sending as fast as
 * tests need and linking to a public address; `env` adds or overrides settings.
 */
export async function startMailingApi(env: Record<string, string> = {}) {
  const smtp = await TestSmtp.start();
  const api = await startTestApi({ SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '200', PUBLIC_URL: 'https://rueda.test', ...env });
  const worker = await api.startWorker();
  return { smtp, api, worker };
}
