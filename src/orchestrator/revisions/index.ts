export { AppRedeployer, type Revision } from './app-redeployer.ts';
export { EditRunner, type EditOutcome } from './edit-runner.ts';
export { RevisionService } from './revision-service.ts';
