import { call, client, session } from './api';
import { useI18n } from './i18n';
import { MARKS_PREFIX, unsentMarkCount } from './offline/marks';
import { forgetStored, STAFF_SNAPSHOTS } from './offline/snapshot';
import { navigate } from './router';

/**
 * Signs an organiser out of this device and forgets what the device kept for them: the table
 * plans read for offline use and the marks still waiting to be sent. Tablets at the venue pass
 * from hand to hand; after "Salir" nobody should read the day's plan on one, even offline.
 * Unsent marks would be lost, so the person is asked first; if they choose to stay, nothing
 * changes.
 */
export function useSignOut(): () => void {
  const { t } = useI18n();
  return () => {
    const unsent = unsentMarkCount();
    if (unsent > 0 && !window.confirm(t('offline.signOutUnsent', { n: unsent }))) return;
    void call(client.POST('/auth/logout'))
      // Already gone, or no connection: the device forgets the session all the same.
      .catch(() => undefined)
      .then(() => {
        session.token = null;
        forgetStored(STAFF_SNAPSHOTS, MARKS_PREFIX);
        navigate('login');
      });
  };
}
