// Resolved per request (throttler accepts functions), so tests and operators can tune them by environment.
const perMinute = (name: string, fallback: number) => () => Number(process.env[name] ?? fallback);
export const loginRate = () => ({ limit: perMinute('LOGIN_RATE_PER_MINUTE', 10), ttl: 60_000 });
export const accessLinkRate = () => ({ limit: perMinute('ACCESS_LINK_RATE_PER_MINUTE', 60), ttl: 60_000 });
