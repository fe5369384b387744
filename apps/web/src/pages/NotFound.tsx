import { useI18n } from '../i18n';
import { Link } from '../router';
import { Shell } from '../Shell';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Shell>
      <h1>{t('error.pageNotFound')}</h1>
      <p>
        <Link to="">{t('events.title')}</Link>
      </p>
    </Shell>
  );
}
