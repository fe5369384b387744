import { call, client } from './api';
import type { paths } from './generated/api';

/** An event's settings as PATCH /events/:id takes them (generated from the OpenAPI document). */
export type EventSettings = NonNullable<paths['/events/{eventId}']['patch']['requestBody']>['content']['application/json']['settings'];

/**
 * Saves some of an event's settings. Only the settings are sent and the server merges them, so
 * the freshest version is the right one: it is read just before (a switch never loses to an
 * edit made meanwhile in another tab of the console).
 */
export async function saveSettings(eventId: string, settings: NonNullable<EventSettings>) {
  const path = { eventId };
  const fresh = await call(client.GET('/events/{eventId}', { params: { path } }));
  return call(client.PATCH('/events/{eventId}', { params: { path }, body: { version: fresh.version, settings } }));
}
