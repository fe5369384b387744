import { post, session } from './api';
import { MARKS_PREFIX, unsentMarkCount } from './offline/marks';
import { forgetStored, STAFF_SNAPSHOTS } from './offline/snapshot';
import { navigate } from './router';

/**
 * Signs an organiser out of this device and forgets what the device kept for them: the table
 * plans read for offline use and the marks still waiting to be sent. Tablets at the venue pass
 * from hand to hand; after "Salir" nobody should read the day's plan on one, even offline.
 * Unsent marks would be lost, so the person is asked first (`confirmLoss` gets their number).
 * Returns false when they chose to stay.
 */
export async function signOut(confirmLoss: (unsent: number) => boolean): Promise<boolean> {
  const unsent = unsentMarkCount();
  if (unsent > 0 && !confirmLoss(unsent)) return false;
  try {
    await post('/auth/logout');
  } catch {
    // Already gone, or no connection: the device forgets the session all the same.
  }
  session.token = null;
  forgetStored(STAFF_SNAPSHOTS, MARKS_PREFIX);
  navigate('login');
  return true;
}
