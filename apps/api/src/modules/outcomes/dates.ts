// The calendar rules live in the domain library; kept here so the outcomes code reads as before.
export { addDays, addMonths, localDay } from '@rueda/domain';
