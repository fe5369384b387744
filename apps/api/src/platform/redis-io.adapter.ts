import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io across API nodes: rooms and broadcasts go through Redis pub/sub, so a change
 * made on one node reaches a client connected to another. ioredis reconnects by itself when
 * Redis restarts; sockets stay up meanwhile.
 */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, cors: { origin: true, credentials: true } } as ServerOptions);
    this.pub = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    // Errors are logged by ioredis reconnect attempts; an unhandled 'error' would crash the process.
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    server.adapter(createAdapter(this.pub, this.sub, { key: `${this.keyPrefix}:socket.io` }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.pub?.disconnect();
    this.sub?.disconnect();
  }
}
