import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { ENV, Env } from '@rueda/config';
import { principalKey } from '../auth/principal-throttler.guard';
import type { Principal } from '@rueda/application';

export const RATE_LIMITED = {
  code: 'rate_limited',
  es: 'Demasiados mensajes desde esta conexión: se cerró. Vuelva a conectarse en un minuto',
  en: 'Too many messages from this connection: it was closed. Reconnect in a minute',
};

const MINUTE = 60_000;

/**
 * Live messages counted per socket and per principal (its sockets on this node together),
 * never per address: sockets from one venue share an address, and a flood from one link must
 * cut off that link's socket alone. Counters live in the throttler's store of this node.
 */
@Injectable()
export class LiveRateLimiter {
  constructor(
    @InjectThrottlerStorage() private readonly store: ThrottlerStorage,
    @Inject(ENV) private readonly env: Env,
  ) {}

  /** Counts one message (or handshake) of the socket; false once either budget is spent. */
  async allow(socketId: string | null, principal: Principal): Promise<boolean> {
    const perPrincipal = await this.store.increment(
      `live:${principalKey(principal)}`,
      MINUTE,
      this.env.LIVE_PRINCIPAL_RATE_PER_MINUTE,
      MINUTE,
      'live',
    );
    if (perPrincipal.isBlocked) return false;
    if (socketId === null) return true;
    const perSocket = await this.store.increment(`live-socket:${socketId}`, MINUTE, this.env.LIVE_SOCKET_RATE_PER_MINUTE, MINUTE, 'live');
    return !perSocket.isBlocked;
  }
}
