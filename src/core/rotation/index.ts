// Key rotation: one state machine for the VS Code wizard and the CLI (see engine.ts for the order
// and the guarantees). Front ends build a RotationEngine with their own PendingSecretStore, sinks and
// clients, then drive it with start() / step() or run() / abort(), answering the callbacks.
export { RotationEngine } from './engine';
export { auditRotationTo } from './audit';
export { RotationError, RotationBusyError, RotationStateError, RotationInputError, toolLabel } from './errors';
export { JournalStore, RotationJournal, isFinished, rotationSubject, oldKeyOf, type JournalTarget, type Evidence, type ProbeEvidence, type RotationTool } from './journal';
export { CapturingPendingStore, FilePendingSecretStore, SecretStoragePendingSecretStore, type PendingSecretStore, type PendingSecrets } from './pendingSecrets';
export { rotationLockFile } from './rotationLock';
export { STEPS, stepTitle, stepsFor, nextStep, reached, canRollBack, type RotationMode, type RotationStep } from './steps';
export { rotationReport, formatRotationReport, formatRotationEvent, formatRotationList, resumeQuestion, type RotationReport } from './report';
export { abortRefusal, pastPointOfNoReturn, remainingSteps, resumeHow, resumeOffer, waitingAt, whatResumeDoes, type ResumeOffer } from './pointOfNoReturn';
export { checkForeignHosts, foreignHostRequest, foreignSettingsOf, RotationForeignHostError } from './foreignHost';
export { keyHistory, missingKeyMessage, type KeyHistory } from './keyHistory';
export { RotationKeyGoneError, restrictedModeRotationRefusal } from './startChecks';
export { RotationTargetError, checkTargets } from './targetChecks';
export { MODE_DESCRIPTIONS, rotationConfirmation } from './confirmation';
export { scanForPublicKey, discoverEnvTargets, discoverTargets, type Reference } from './evidence';
export { probeTraces, describeProbe } from './traceProbe';
export { keptNote, lineage } from './newKeyPair';
export type {
  RotationPlan, RotationDeps, RotationCallbacks, RotationEvent, RunResult, WaitReason, ChecklistRequest, RevokeRequest, NewPairRequest, KeyPairInput, ForeignHostRequest,
} from './types';
