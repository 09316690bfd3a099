// The session layer: what an edge needs to do something. Each edge implements SessionPort (input
// and output only) and drives a SessionHost; guards, audit entries and clients live here, once.
export { SessionHost } from './host';
export { Session, type ActionOutcome } from './session';
export { SessionRotations, type RotationStart } from './rotations';
export { ClientPool, type SessionConnection } from './clientPool';
export { StaleTargetError } from './changes';
export { permissionsOf, type Permissions, type Verdict } from './permissions';
export type { SessionAction, SessionActionKind } from './actions';
export type { ActingIdentity, Confirmation, ConfirmationId, SessionPort, SessionPrompter, SinkSettings } from './port';
