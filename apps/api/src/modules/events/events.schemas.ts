// The event bodies are the event use cases' commands without the path (libs/application).
export {
  CreateEventBody,
  EventSettingsBody,
  ReplaceSessionsBody,
  SessionBody,
  UnavailabilityBody,
  UpdateEventBody,
} from '@rueda/application';
