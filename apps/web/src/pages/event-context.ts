import { createContext, useContext } from 'react';
import type { EventRec, Participant } from '../types';

/** What every tab of the event console shares: the event and its participants. */
export interface EventContext {
  event: EventRec;
  reloadEvent: () => Promise<void>;
  participants: Participant[];
  byId: Map<string, Participant>;
  reloadParticipants: () => Promise<void>;
  name: (id: string | null | undefined) => string;
}
export const EventCtx = createContext<EventContext | null>(null);
export const useEvent = () => {
  const v = useContext(EventCtx);
  if (!v) throw new Error('EventConsole missing');
  return v;
};
