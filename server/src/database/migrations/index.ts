import { Initial1795896676302 } from './1795896676302-Initial';
import { AuditTrail1795899270180 } from './1795899270180-AuditTrail';

/** Every migration in order. Once merged, a migration is never edited: add a new one. */
export const migrations = [Initial1795896676302, AuditTrail1795899270180];
