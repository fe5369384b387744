import { Injectable } from '@nestjs/common';
import { LiveHub } from './live-hub';

export interface ByeReason {
  code: string;
  es: string;
  en: string;
}

export const LINK_REPLACED: ByeReason = {
  code: 'token_revoked',
  es: 'Su enlace personal fue reemplazado: use el nuevo enlace',
  en: 'Your personal link was replaced: use the new link',
};
export const SIGNED_OUT: ByeReason = { code: 'signed_out', es: 'Se cerró su sesión', en: 'You were signed out' };

/** The room every socket opened with one token joins, so revoking the token reaches them all. */
export const tokenRoom = (tokenHash: string) => `token:${tokenHash}`;

/**
 * Drops the live sockets of a revoked token or re-issued link at once, on every API node: the
 * socket.io Redis adapter carries `disconnectSockets` to the nodes holding them. Before the
 * gateway is up (or in HTTP-only processes) there is nothing to drop.
 */
@Injectable()
export class SocketRevocation {
  constructor(private readonly live: LiveHub) {}

  async dropToken(tokenHash: string, reason: ByeReason = SIGNED_OUT): Promise<void> {
    const nsp = this.live.namespace;
    if (!nsp) return;
    const room = tokenRoom(tokenHash);
    // In order through the adapter: each node first tells its sockets why, then closes them.
    nsp.in(room).emit('bye', reason);
    nsp.in(room).disconnectSockets(true);
  }
}
