/** Agreements take effect, expire and end on calendar days in Norway. */
export { KOM_TIME_ZONE as AGREEMENT_TIME_ZONE, isCalendarDate, osloDate, requireCalendarDate } from '@kom/kernel';
