import { createTestDatabase } from '../support/database';
import { busyClientWarnings, forgetBusyClientWarnings } from '../support/one-query-at-a-time';

/**
 * Integrity the migrations write in SQL and the entities do not describe: TypeORM would drop
 * these (its diff lists them), the database keeps them. Only drops of exactly these objects
 * are tolerated; anything else the diff finds (a table, column, type, default, nullability,
 * named index or foreign key of an entity that the migrations do not create the same way)
 * fails the test. Declare a new constraint on its entity, or add its name here.
 */
const DATABASE_ONLY = new Set([
  // foreign keys on plain id columns (the entities hold ids, not relations)
  'fk_slots_session',
  'fk_tables_reserved_for',
  'fk_delegates_event',
  'fk_demands_event',
  'fk_offers_event',
  'fk_meetings_demand',
  'fk_meetings_offer',
  'fk_meetings_slot',
  'fk_meetings_table',
  'fk_meetings_event',
  'fk_schedule_versions_event',
  'fk_assignments_meeting',
  'fk_assignments_slot',
  'fk_assignments_table',
  'fk_match_runs_event',
  'fk_match_results_run',
  'fk_match_results_demand',
  'fk_match_results_offer',
  'fk_pair_overrides_demand',
  'fk_pair_overrides_offer',
  'match_counterparts_run_id_fkey',
  'match_counterparts_participant_id_fkey',
  'match_counterparts_counterpart_id_fkey',
  'fk_import_batches_event',
  'live_messages_event_id_fkey',
  'replacement_proposals_event_id_fkey',
  'replacement_proposals_slot_id_fkey',
  'replacement_proposals_table_id_fkey',
  'replacement_proposals_freed_meeting_id_fkey',
  'replacement_proposals_result_meeting_id_fkey',
  'meeting_outcomes_event_id_fkey',
  'meeting_outcomes_participant_id_fkey',
  'meeting_outcomes_filled_by_user_id_fkey',
  'commitments_event_id_fkey',
  'export_files_event_id_fkey',
  'export_files_requested_by_fkey',
  'meeting_status_changes_event_id_fkey',
  'meeting_status_changes_meeting_id_fkey',
  'idempotent_requests_event_id_fkey',
  'live_streams_event_id_fkey',
  // partial, expression and plain indexes written in SQL
  'uq_participants_calendar_token',
  'idx_delegates_participant',
  'idx_unavailability_slot',
  'uq_meetings_live_pair',
  'uq_meetings_slot_table',
  'idx_meetings_slot',
  'idx_meetings_a_slot',
  'idx_meetings_b_slot',
  'idx_live_messages_participants',
  'uq_replacement_open_cell',
  // live delivery and the freed cell's neighbourhood (partial and expression indexes)
  // one fixed table per participant (a partial unique index)
  'uq_tables_reserved_for',
  'idx_meetings_status_weight',
  'idx_meetings_pair',
  'idx_match_counterparts_run_score',
  'idx_outbox_jobs_pending',
  'uq_replacement_request',
  // check constraints
  'chk_participants_kind',
  'chk_participants_parallel',
  'chk_participants_max_meetings',
  'chk_demands_amount',
  'chk_offers_amounts',
  'chk_schedule_versions_status',
  'chk_pair_overrides_mode',
  'replacement_proposals_status_check',
  'replacement_proposals_mode_check',
  'meeting_outcomes_interest_check',
  'meeting_outcomes_side_check',
  'meeting_outcomes_next_steps_check',
  'meeting_outcomes_amount_usd_check',
  'meeting_outcomes_filled_by_check',
  'chk_meeting_outcomes_dates',
  'commitments_stage_check',
  'commitments_amount_usd_check',
  'export_files_status_check',
  'chk_meeting_status_changes_kind',
  // reaching participants (issue 11): foreign keys, indexes and checks written in SQL
  'access_links_participant_id_fkey',
  'access_links_event_id_fkey',
  'email_messages_event_id_fkey',
  'email_messages_participant_id_fkey',
  'email_messages_campaign_id_fkey',
  'email_campaigns_event_id_fkey',
  'email_campaigns_created_by_fkey',
  'notifications_event_id_fkey',
  'notifications_participant_id_fkey',
  'notifications_email_message_id_fkey',
  'notification_prefs_participant_id_fkey',
  'notification_prefs_event_id_fkey',
  'notification_cursors_event_id_fkey',
  'participant_changes_event_id_fkey',
  'participant_changes_participant_id_fkey',
  'participant_changes_actor_user_id_fkey',
  'participant_changes_reviewed_by_fkey',
  'registrations_event_id_fkey',
  'registrations_participant_id_fkey',
  'registrations_reviewed_by_fkey',
  'idx_access_links_event',
  'idx_email_messages_event_participant',
  'idx_email_messages_campaign',
  'idx_email_messages_waiting',
  'idx_email_campaigns_event',
  'idx_notifications_pending',
  'idx_notifications_event_participant',
  'idx_participant_changes_review',
  'idx_participant_changes_participant',
  'idx_registrations_event_status',
  'email_messages_kind_check',
  'email_messages_status_check',
  'email_campaigns_kind_check',
  'notifications_status_check',
  'participant_changes_entity_check',
  'participant_changes_action_check',
  'participant_changes_actor_check',
  'participant_changes_review_status_check',
  'registrations_status_check',
]);

const dropped = (query: string): string | null =>
  /^ALTER TABLE "\w+" DROP CONSTRAINT "(\w+)"$/.exec(query)?.[1] ?? /^DROP INDEX "public"\."(\w+)"$/.exec(query)?.[1] ?? null;

/**
 * The entities and the migrations describe the same schema: after every migration has run,
 * TypeORM's schema diff is empty but for the database-only integrity above. An entity changed
 * without its migration, or a migration the entities do not follow, fails here with the SQL
 * that differs.
 */
describe('entities and migrations', () => {
  it('describe the same schema (the schema diff after migrating is empty)', async () => {
    const db = await createTestDatabase();
    try {
      const sql = await db.dataSource.driver.createSchemaBuilder().log();
      // TypeORM's schema builder reads the catalogue with Promise.all on one query runner (its
      // code, not ours, and only here): pg's busy-client warning is forgiven for this call alone.
      if (busyClientWarnings().every((w) => w.stack.includes('RdbmsSchemaBuilder'))) forgetBusyClientWarnings();
      const queries = sql.upQueries.map((q) => q.query.trim());
      expect(queries.filter((q) => !DATABASE_ONLY.has(dropped(q) ?? ''))).toEqual([]);
      // The list stays exact: each name is an object the migrations still create.
      const seen = new Set(queries.map(dropped));
      expect([...DATABASE_ONLY].filter((n) => !seen.has(n))).toEqual([]);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
