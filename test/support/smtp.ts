import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  mail: ParsedMail;
  at: number;
}

/**
 * A real SMTP server on loopback (smtp-server), reading every message back with mailparser.
 * It can refuse: temporarily (451, the sender must retry), for good (550), or per recipient;
 * `stop()` takes it down like a server that is off, `start()` brings it back on the same port.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  mode: 'accept' | 'tempfail' | 'reject' = 'accept';
  /** Addresses refused at RCPT TO with 550. */
  readonly refuse = new Set<string>();
  private server?: SMTPServer;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestSmtp> {
    const s = new TestSmtp(await freePort());
    await s.start();
    return s;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        if (this.refuse.has(address.address.toLowerCase()))
          return cb(Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 }));
        cb();
      },
      onData: (stream, session, cb) => {
        if (this.mode !== 'accept') {
          stream.resume();
          stream.on('end', () =>
            cb(
              this.mode === 'tempfail'
                ? Object.assign(new Error('451 4.3.0 try again later'), { responseCode: 451 })
                : Object.assign(new Error('550 5.7.1 message refused'), { responseCode: 550 }),
            ),
          );
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, at: Date.now() });
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Messages whose envelope includes `address`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((r) => r.envelopeTo.includes(address));
  }

  async waitFor(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const end = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > end) throw new Error(`expected ${count} emails, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.received;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
