// Key rotation: one state machine for the VS Code wizard and the CLI (see engine.ts for the order
// and the guarantees). Front ends build a RotationEngine with their own PendingSecretStore, sinks and
// clients, then drive it with start() / step() or run() / abort(), answering the callbacks.
export { RotationEngine } from './engine';
export { auditRotationTo } from './audit';
export { RotationError, RotationBusyError, RotationStateError, RotationInputError, toolLabel } from './errors';
export { JournalStore, RotationJournal, isFinished, rotationSubject, oldKeyOf, type JournalTarget, type Evidence, type RotationTool } from './journal';
export { CapturingPendingStore, FilePendingSecretStore, SecretStoragePendingSecretStore, type PendingSecretStore, type PendingSecrets } from './pendingSecrets';
export { rotationLockFile } from './rotationLock';
export { STEPS, STEP_TITLES, stepsFor, nextStep, reached, canRollBack, type RotationMode, type RotationStep } from './steps';
export { rotationReport, formatRotationReport, formatRotationEvent, formatRotationList, resumeQuestion, type RotationReport } from './report';
export { scanForPublicKey, probeTraces, discoverEnvTargets, type Reference } from './evidence';
export { provenanceNote } from './newKeyPair';
export type {
  RotationPlan, RotationDeps, RotationCallbacks, RotationEvent, RunResult, WaitReason, ChecklistRequest, RevokeRequest, NewPairRequest, KeyPairInput,
} from './types';
