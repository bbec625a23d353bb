/**
 * The one registry of stable error codes. Codes are never reused or renamed; the README's error
 * table lists them all (test/unit/errors checks that it does).
 */
export const ERROR_CODES = {
  // 400 — invalid input
  INVALID_JSON: { status: 400, message: 'the request body is not valid JSON' },
  INVALID_REQUEST: { status: 400, message: 'the request does not match the expected shape' },
  PROMPT_EMPTY: { status: 400, message: 'prompt must not be empty' },
  PROMPT_TOO_LONG: { status: 400, message: 'prompt is longer than the configured maximum' },
  INVALID_APP_TYPE: { status: 400, message: 'appType must be one of webapp, api, script' },
  TTL_OUT_OF_RANGE: { status: 400, message: 'ttlSeconds is outside the allowed range' },
  UNKNOWN_FIELD: { status: 400, message: 'the request has a field the API does not know' },
  SESSION_NOT_ACTIVE: { status: 409, message: 'the session is no longer active' },
  EDITS_NEED_A_MODEL: { status: 409, message: 'follow-up edits need a model: set ANTHROPIC_API_KEY, OPENAI_API_KEY or SPAWN_MODELS and restart' },
  EDIT_IN_PROGRESS: { status: 409, message: 'a change to this app is still being made: wait for it to finish' },
  FUNCTION_SYNTAX_ERROR: { status: 400, message: 'the function code does not parse' },
  FUNCTION_ENTRYPOINT_MISSING: { status: 400, message: 'the function code does not define its entrypoint' },
  FUNCTION_SCHEMA_INVALID: { status: 400, message: 'inputSchema is not a JSON Schema SpawnAI can use' },
  FUNCTION_INPUT_INVALID: { status: 400, message: 'the inputs do not match the function input schema' },
  FUNCTION_REQUIREMENTS_INVALID: { status: 400, message: 'a requirement is not a plain package spec (no URLs, paths, -e or index options)' },
  WORKFLOW_CYCLE: { status: 400, message: 'the workflow steps depend on each other in a cycle' },
  WORKFLOW_UNKNOWN_STEP: { status: 400, message: 'a workflow reference names a step that does not exist' },
  WORKFLOW_UNKNOWN_FUNCTION: { status: 400, message: 'a workflow step names a function that does not exist' },
  STUDY_TOO_LARGE: { status: 400, message: 'the study has more runs than the configured maximum' },
  IMAGE_NOT_SUPPORTED: { status: 400, message: 'no model of the chain accepts images: put a vision model (e.g. anthropic:claude-sonnet-4-5, openai:gpt-4.1) in SPAWN_MODELS, or send the request without an image' },
  IMAGE_TYPE_UNSUPPORTED: { status: 400, message: 'the image is not a PNG, JPEG or WebP file (its first bytes decide, not the declared type)' },
  IMAGE_TOO_LARGE: { status: 413, message: 'the image is larger than 5 MB: send a smaller or more compressed one' },
  INPUT_TOO_DEEP: { status: 400, message: 'the JSON body nests deeper than SPAWN_MAX_JSON_DEPTH allows (64 unless configured): flatten it, or raise SPAWN_MAX_JSON_DEPTH' },
  // 401/403 — identity
  AUTH_REQUIRED: { status: 401, message: 'a bearer token is required: create one with `spawnai token create --name NAME`' },
  AUTH_INVALID: { status: 401, message: 'the bearer token is not valid' },
  FORBIDDEN: { status: 403, message: 'this token may not do that' },
  // 404
  NOT_FOUND: { status: 404, message: 'no such route' },
  SESSION_NOT_FOUND: { status: 404, message: 'no such session' },
  VERSION_NOT_FOUND: { status: 404, message: 'the session has no such version' },
  IMAGE_NOT_FOUND: { status: 404, message: 'this session was created without an image' },
  THUMBNAIL_NOT_FOUND: { status: 404, message: 'this session has no thumbnail yet: it is taken when the app is verified in a browser (SPAWN_VERIFY=browser)' },
  APP_NOT_FOUND: { status: 404, message: 'no app lives at this address' },
  FUNCTION_NOT_FOUND: { status: 404, message: 'no such function' },
  TASK_NOT_FOUND: { status: 404, message: 'no such task' },
  WORKFLOW_NOT_FOUND: { status: 404, message: 'no such workflow' },
  WORKFLOW_RUN_NOT_FOUND: { status: 404, message: 'no such workflow run' },
  STUDY_NOT_FOUND: { status: 404, message: 'no such study' },
  // 408
  REQUEST_TIMEOUT: { status: 408, message: 'the request was not received within SPAWN_REQUEST_TIMEOUT_SECONDS: send the body at once, or raise the limit' },
  // 410
  APP_EXPIRED: { status: 410, message: 'this app has expired and was destroyed' },
  // 413 / 415
  BODY_TOO_LARGE: { status: 413, message: 'the request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'send the body as application/json' },
  // 429 — limits
  ACTIVE_SESSION_LIMIT: { status: 429, message: 'too many active sessions: destroy one or wait until one expires' },
  SESSION_RATE_LIMIT: { status: 429, message: 'too many new sessions in the current window' },
  // 502/503 — the platform
  APP_UNAVAILABLE: { status: 502, message: 'the app is not answering right now' },
  STORE_UNAVAILABLE: { status: 503, message: 'the database is not reachable' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'the job queue is not reachable' },
  HANDLER_TIMEOUT: { status: 503, message: 'the server did not answer within SPAWN_HANDLER_TIMEOUT_SECONDS: retry, or raise the limit' },
  // Session failure reasons (recorded on the session, never an HTTP status of the API itself)
  GENERATION_FAILED: { status: 500, message: 'the app could not be generated' },
  GENERATION_BUDGET_EXCEEDED: { status: 500, message: 'generating the app would exceed its token or dollar budget' },
  UNSAFE_FILE_PATH: { status: 500, message: 'the model wrote a file path that is not a safe relative path inside the app' },
  APP_TOO_LARGE: { status: 500, message: 'the generated app has too many files or too many bytes' },
  PROVISIONING_FAILED: { status: 500, message: 'no sandbox could be prepared for the app' },
  HOST_CAPACITY_EXHAUSTED: { status: 500, message: 'the worker has too little free memory for another sandbox: try again when other apps expire' },
  DEPLOY_FAILED: { status: 500, message: 'the app could not be deployed' },
  APP_START_FAILED: { status: 500, message: 'the app did not start or did not answer on its port in time' },
  APP_UNHEALTHY: { status: 500, message: 'the app stopped answering or exited, and stayed unhealthy after a restart' },
  SCRIPT_FAILED: { status: 500, message: 'the script exited with an error' },
  SCRIPT_TIMEOUT: { status: 500, message: 'the script did not finish within its time limit' },
  STUCK_TIMEOUT: { status: 500, message: 'the session made no progress before its deadline' },
  WORKER_LOST: { status: 500, message: 'the worker running the session stopped before finishing it' },
  FUNCTION_ERROR: { status: 500, message: 'the function raised an exception' },
  FUNCTION_TIMEOUT: { status: 500, message: 'the function did not return within its time limit' },
  FUNCTION_OUTPUT_INVALID: { status: 500, message: 'the function returned outputs that are not JSON-serialisable' },
  FUNCTION_BUILD_FAILED: { status: 500, message: "installing the function's requirements failed" },
  FUNCTION_CRASHED: { status: 500, message: 'the function runtime died during the call (out of memory, or it exited)' },
  TASK_WORKER_LOST: { status: 500, message: 'the worker running the task stopped before finishing it' },
  WORKFLOW_STEP_SKIPPED: { status: 500, message: 'the step did not run because a step it depends on failed' },
  INTERNAL_ERROR: { status: 500, message: 'unexpected internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
