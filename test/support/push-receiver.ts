import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, globalAgent, type Server } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One push message as the browser would get it: decrypted, with the VAPID claims it came with. */
export interface ReceivedPush {
  at: number;
  json: Record<string, unknown>;
  vapid: { aud: string; sub: string; exp: number; publicKey: string };
}

export interface PushReceiver {
  /** What a browser's PushSubscription.toJSON() gives: the endpoint and the keys to encrypt to. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  origin: string;
  received: ReceivedPush[];
  /** Requests it could not accept, and why (a test names them when a notice never arrives). */
  refused: string[];
  /** The next requests answer with this status (410 = the subscription is gone). */
  answer: (status: number) => void;
  close: () => Promise<void>;
}

/**
 * Push services speak only https (web-push refuses anything else): a throwaway self-signed
 * certificate for 127.0.0.1, trusted by this test process's default https agent alone.
 */
function loopbackCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'rueda-push-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const pem = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    const ca = globalAgent.options.ca;
    globalAgent.options.ca = [...(Array.isArray(ca) ? ca : ca ? [ca] : rootCertificates), pem.cert];
    return pem;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, len: number) => Buffer.from(hkdfSync('sha256', ikm, salt, info, len));

/**
 * A push service on loopback playing the browser's part: it holds a P-256 key pair and an auth
 * secret, checks the VAPID JWT (ES256, audience, expiry) and decrypts each aes128gcm body as
 * RFC 8291 says, so a test sees exactly the payload a phone would.
 */
export async function startPushReceiver(): Promise<PushReceiver> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const uaPublic = ecdh.getPublicKey();
  const authSecret = randomBytes(16);
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  let status = 201;
  const server: Server = createServer(loopbackCertificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        if (status !== 201) {
          res.writeHead(status).end();
          return;
        }
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        const vapid = checkVapid(String(req.headers.authorization ?? ''), origin);
        const body = Buffer.concat(chunks);
        // RFC 8188 header: salt(16) | record size(4) | key id length(1) | key id (the sender's public key).
        const salt = body.subarray(0, 16);
        const idLen = body[20];
        const asPublic = body.subarray(21, 21 + idLen);
        const cipher = body.subarray(21 + idLen);
        const shared = ecdh.computeSecret(asPublic);
        const ikm = hkdf(shared, authSecret, Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]), 32);
        const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
        const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
        const d = createDecipheriv('aes-128-gcm', cek, nonce);
        d.setAuthTag(cipher.subarray(cipher.length - 16));
        const plain = Buffer.concat([d.update(cipher.subarray(0, cipher.length - 16)), d.final()]);
        // The last record ends with the delimiter 0x02 and any zero padding.
        let end = plain.length;
        while (end > 0 && plain[end - 1] === 0) end--;
        if (plain[end - 1] !== 2) throw new Error('no padding delimiter');
        received.push({ at: Date.now(), json: JSON.parse(plain.subarray(0, end - 1).toString('utf8')), vapid });
        res.writeHead(201).end();
      } catch (e) {
        refused.push(String(e));
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(e));
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    subscription: {
      endpoint: `${origin}/push/${randomBytes(8).toString('hex')}`,
      keys: { p256dh: uaPublic.toString('base64url'), auth: authSecret.toString('base64url') },
    },
    origin,
    received,
    refused,
    answer: (s) => (status = s),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** `vapid t=<JWT>, k=<public key>` (RFC 8292): the ES256 signature, audience and expiry checked. */
function checkVapid(header: string, origin: string): ReceivedPush['vapid'] {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header);
  if (!m) throw new Error(`bad Authorization: ${header}`);
  const [h, p, s] = m[1].split('.');
  const raw = Buffer.from(m[2], 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url')))
    throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud: string; sub: string; exp: number };
  if (claims.aud !== origin) throw new Error(`VAPID audience ${claims.aud}`);
  if (claims.exp * 1000 < Date.now()) throw new Error('VAPID token expired');
  return { ...claims, publicKey: m[2] };
}
