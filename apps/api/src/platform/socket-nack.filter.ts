import { ArgumentsHost, Catch, WsExceptionFilter } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { socketNack } from './errors';

/**
 * Whatever a socket handler or its guards throw, the client gets `{ok: false, code, es, en}`
 * on its acknowledgement (or as a `refused` event when it sent none), never a library error.
 */
@Catch()
export class SocketNackFilter implements WsExceptionFilter {
  catch(err: unknown, host: ArgumentsHost) {
    const args = host.getArgs();
    const ack = args.find((a, i) => i > 0 && typeof a === 'function') as ((r: unknown) => void) | undefined;
    const nack = socketNack(err);
    if (ack) ack(nack);
    else (host.switchToWs().getClient() as Socket).emit('refused', { ...nack, event: String(args.at(-1) ?? '') });
  }
}
