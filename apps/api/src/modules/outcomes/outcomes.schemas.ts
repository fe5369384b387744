import { z } from 'zod';
import { dayField, commitmentStage } from '@rueda/application';
import { pageQuery } from '../../platform/pagination';

// The bodies are the follow-up use cases' commands (libs/application/src/outcomes); the list queries are the module's own.
export {
  AdvanceCommitmentBody,
  type AdvanceCommitmentInput,
  CreateCommitmentBody,
  type CreateCommitmentInput,
  OutcomeBody,
  type OutcomeInput,
  ReviewCommitmentBody,
  type ReviewCommitmentInput,
  UpdateCommitmentBody,
  type UpdateCommitmentInput,
} from '@rueda/application';

export const OutcomeListQuery = pageQuery.extend({ participantId: z.uuid().optional(), meetingId: z.uuid().optional() });
export const MissingQuery = z.object({ participantId: z.uuid().optional() });

export const CommitmentListQuery = pageQuery.extend({
  stage: commitmentStage.optional(),
  meetingId: z.uuid().optional(),
  participantId: z.uuid().optional(),
  /** Open commitments with a review due on or before this day and not yet done. */
  reviewDueBy: dayField('Revisión pendiente hasta', 'Review due by').optional(),
});
export type CommitmentListInput = z.infer<typeof CommitmentListQuery>;
