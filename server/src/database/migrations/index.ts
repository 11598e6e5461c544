import { Initial1795896676302 } from './1795896676302-Initial';
import { AuditTrail1795899270180 } from './1795899270180-AuditTrail';
import { Access1795899905061 } from './1795899905061-Access';
import { KnownClients1795920444681 } from './1795920444681-KnownClients';
import { StructureThroughTime1795990000000 } from './1795990000000-StructureThroughTime';
import { ResidentLookups1796000000000 } from './1796000000000-ResidentLookups';
import { Staffing1796100000000 } from './1796100000000-Staffing';
import { PostRotation1796200000000 } from './1796200000000-PostRotation';
import { Reorganization1796250000000 } from './1796250000000-Reorganization';
import { OneStopService1796300000000 } from './1796300000000-OneStopService';
import { AuthChanges1796500000000 } from './1796500000000-AuthChanges';
import { ReadPaths1796510000000 } from './1796510000000-ReadPaths';
import { MemberCounts1796520000000 } from './1796520000000-MemberCounts';
import { SetBasedMemberCounts1796530000000 } from './1796530000000-SetBasedMemberCounts';
import { AffairCountPaths1796540000000 } from './1796540000000-AffairCountPaths';
import { ResidentPlaces1796550000000 } from './1796550000000-ResidentPlaces';
import { HouseholdPlaces1796560000000 } from './1796560000000-HouseholdPlaces';
import { WriteGridLocks1796570000000 } from './1796570000000-WriteGridLocks';

/** Every migration in order. Once merged, a migration is never edited: add a new one. */
export const migrations = [
  Initial1795896676302,
  AuditTrail1795899270180,
  Access1795899905061,
  KnownClients1795920444681,
  StructureThroughTime1795990000000,
  ResidentLookups1796000000000,
  Staffing1796100000000,
  PostRotation1796200000000,
  Reorganization1796250000000,
  OneStopService1796300000000,
  AuthChanges1796500000000,
  ReadPaths1796510000000,
  MemberCounts1796520000000,
  SetBasedMemberCounts1796530000000,
  AffairCountPaths1796540000000,
  ResidentPlaces1796550000000,
  HouseholdPlaces1796560000000,
  WriteGridLocks1796570000000,
];
