export { isCalendarDate, requireCalendarDate } from '@kom/kernel';
