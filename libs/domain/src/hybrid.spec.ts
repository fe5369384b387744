import { isVideoUrl, meetingVideoUrl } from '@rueda/domain';

describe('hybrid meetings', () => {
  const onSite = { remote: false, videoUrl: null };
  it('a meeting of its own link keeps it; otherwise the remote side’s link; on site, none', () => {
    const remote = { remote: true, videoUrl: 'https://meet.example.org/giz' };
    expect(meetingVideoUrl({ videoUrl: 'https://meet.example.org/m1' }, onSite, remote)).toBe('https://meet.example.org/m1');
    expect(meetingVideoUrl({ videoUrl: null }, onSite, remote)).toBe('https://meet.example.org/giz');
    expect(meetingVideoUrl({ videoUrl: null }, onSite, onSite)).toBeNull();
    // A link kept on file for a participant who is on site today does not make its meetings hybrid.
    expect(meetingVideoUrl({ videoUrl: null }, onSite, { remote: false, videoUrl: 'https://meet.example.org/x' })).toBeNull();
  });
  it('accepts https links only', () => {
    expect(isVideoUrl('https://meet.jit.si/rueda-mesa-4')).toBe(true);
    expect(isVideoUrl('http://meet.example.org/x')).toBe(false);
    expect(isVideoUrl('javascript:alert(1)')).toBe(false);
    expect(isVideoUrl('meet.example.org')).toBe(false);
    expect(isVideoUrl(`https://x.org/${'a'.repeat(500)}`)).toBe(false);
  });
});
