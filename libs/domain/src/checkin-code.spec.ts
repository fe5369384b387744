import { readCheckInCode, signCheckInCode } from '@rueda/domain';

describe('check-in QR codes', () => {
  const key = 'k'.repeat(43);
  const eventId = '6f1c1f5e-1d1a-4a3c-9a55-0f3d2b0c9d11';
  const delegateId = '0b8e7a53-2c1f-4e7a-9b1a-5e0c3f2d4a66';
  const expiresAt = new Date('2026-12-03T23:00:00Z');
  const code = signCheckInCode(key, { eventId, delegateId, expiresAt });

  it('reads back its delegate until it expires', () => {
    expect(code).toMatch(/^RQ1\.[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]{22}$/);
    expect(readCheckInCode(key, eventId, ` ${code}\n`, new Date('2026-12-03T15:00:00Z'))).toEqual({ ok: true, delegateId, expiresAt });
    expect(readCheckInCode(key, eventId, code, expiresAt)).toEqual({ ok: false, reason: 'expired', expiresAt });
  });

  it('refuses a forged code, one of another event or another installation, and anything else', () => {
    const now = new Date('2026-12-03T15:00:00Z');
    const [v, , exp, mac] = code.split('.');
    const other = '1b8e7a53-2c1f-4e7a-9b1a-5e0c3f2d4a66';
    const later = Math.floor(Date.parse('2027-01-01') / 1000).toString(36);
    for (const bad of [
      [v, other, exp, mac].join('.'), // another delegate
      [v, delegateId, later, mac].join('.'), // a longer life
      [v, delegateId, exp, mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.'),
      'rp_abcdef',
      '',
      'https://example.org/',
    ])
      expect(readCheckInCode(key, eventId, bad, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckInCode(key, '7f1c1f5e-1d1a-4a3c-9a55-0f3d2b0c9d11', code, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readCheckInCode('x'.repeat(43), eventId, code, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
