import { z } from 'zod';
import { bi, isVideoUrl, NOUNS, notFound, versionConflict } from '@rueda/domain';
import type { LiveMeeting } from '@rueda/realtime';
import { admins } from '../authorization';
import { liveMeeting, meetingChange } from '../live/changes';
import { useCase } from '../use-case';

export const SetMeetingVideoCommand = z
  .object({
    eventId: z.uuid(),
    meetingId: z.uuid(),
    /** The meeting's own video-call link; null makes it on site again (a remote participant's link still applies). */
    videoUrl: z
      .string()
      .trim()
      .refine(isVideoUrl, {
        message: bi('Debe ser un enlace https:// de hasta 500 caracteres', 'Must be an https:// link of up to 500 characters'),
      })
      .nullable(),
    version: z.number().int().min(1).max(2_147_483_647).optional(),
  })
  .strict();

/**
 * Organisers make a meeting hybrid with its own video-call link (data only: no video service
 * is built in). Both agendas follow at once; both calendar feeds raise the meeting's SEQUENCE.
 */
export const SetMeetingVideo = useCase({
  name: 'SetMeetingVideo',
  command: SetMeetingVideoCommand,
  authorize: admins,
  async run({ tx }, cmd): Promise<LiveMeeting & { videoUrl: string | null }> {
    const meeting = await tx.repos.meetings.lock(cmd.eventId, cmd.meetingId);
    if (!meeting) throw notFound(NOUNS.meeting, cmd.meetingId);
    if (cmd.version !== undefined && meeting.version !== cmd.version) throw versionConflict(liveMeeting(meeting));
    if (meeting.videoUrl === cmd.videoUrl) return { ...liveMeeting(meeting), videoUrl: meeting.videoUrl };
    meeting.videoUrl = cmd.videoUrl;
    const saved = await tx.repos.meetings.save(meeting);
    tx.record(cmd.eventId, meetingChange(saved));
    return { ...liveMeeting(saved), videoUrl: saved.videoUrl };
  },
});
