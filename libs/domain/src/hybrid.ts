/** Hybrid meetings: who joins from afar and by which video-call link (data only). */

export interface RemoteSide {
  remote: boolean;
  videoUrl: string | null;
}

/**
 * The video-call link of a meeting: its own link when the organisers gave it one, otherwise
 * the link of a participant who takes part remotely (the first of the two that has one). Null
 * for a meeting held entirely at the table.
 */
export function meetingVideoUrl(meeting: { videoUrl: string | null }, a: RemoteSide, b: RemoteSide): string | null {
  if (meeting.videoUrl) return meeting.videoUrl;
  for (const side of [a, b]) if (side.remote && side.videoUrl) return side.videoUrl;
  return null;
}

/** A video-call link must be an https URL (calendars and phones open it as it is). */
export function isVideoUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !!u.hostname && url.length <= 500;
  } catch {
    return false;
  }
}
