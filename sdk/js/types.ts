import type { Client } from 'openapi-fetch';
import type { components, paths } from './openapi.d.ts';

export type SpawnClient = Client<paths>;
export type Schemas = components['schemas'];
export type TaskView = paths['/api/tasks/{id}']['get']['responses']['200']['content']['application/json'];
export type StudyView = paths['/api/studies/{id}']['get']['responses']['200']['content']['application/json'];
export type WorkflowRunView = paths['/api/workflow-runs/{id}']['get']['responses']['200']['content']['application/json'];
