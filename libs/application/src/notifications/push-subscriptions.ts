import { z } from 'zod';
import { invalidField, isPushEndpoint } from '@rueda/domain';
import { itself } from '../authorization';
import { useCase } from '../use-case';

const Own = { eventId: z.uuid(), participantId: z.uuid() };

/** What PushSubscription.toJSON() gives: the push service's URL and the browser's keys (base64url). */
export const PushSubscriptionShape = {
  endpoint: z.string().min(1).max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().regex(/^[\w-]{86,88}$/), auth: z.string().regex(/^[\w-]{22,24}$/) }).strict(),
};
export const SubscribePushCommand = z.object({ ...Own, ...PushSubscriptionShape });
export const UnsubscribePushCommand = z.object({ ...Own, endpoint: PushSubscriptionShape.endpoint }).strict();

/**
 * A participant turns on notices in one browser. One browser, one subscription: opting in again
 * (or from another agenda) takes it over. `extraEndpoints` are push receivers the installation
 * allows beyond the browsers' services (its configuration: a receiver on loopback in tests).
 */
export const subscribePush = (extraEndpoints: readonly string[] = []) =>
  useCase({
    name: 'SubscribePush',
    command: SubscribePushCommand,
    authorize: itself,
    async run({ tx }, cmd) {
      if (!isPushEndpoint(cmd.endpoint, extraEndpoints))
        throw invalidField(
          'endpoint',
          'no es el servicio de avisos de un navegador (se espera https://… de Google, Mozilla, Apple o Microsoft)',
          'is not a browser push service (https://… of Google, Mozilla, Apple or Microsoft expected)',
        );
      await tx.repos.notifications.savePushSubscription(cmd.eventId, cmd.participantId, { endpoint: cmd.endpoint, ...cmd.keys });
      return { subscribed: true as const };
    },
  });

/** A participant turns notices off in one browser (its other browsers keep theirs). */
export const UnsubscribePush = useCase({
  name: 'UnsubscribePush',
  command: UnsubscribePushCommand,
  authorize: itself,
  async run({ tx }, cmd) {
    await tx.repos.notifications.dropPushSubscription(cmd.participantId, cmd.endpoint);
    return { subscribed: false as const };
  },
});
