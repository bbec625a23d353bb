// GENERATED FILE — do not edit. Made by sdk/js/generate.ts (npm run sdk:generate) from the
// OpenAPI document the server answers on GET /api/openapi.json; test/unit/sdk checks it is current.
export interface paths {
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's sessions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description page size, 1 to 100 (default 20) */
                    limit?: string;
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                id: string;
                                /** @enum {string} */
                                state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                                progress: number;
                                prompt: string;
                                title: string;
                                /** @enum {string} */
                                appType: "webapp" | "api" | "script";
                                generator: string;
                                model: string | null;
                                /** @description the app on its own origin, while it is running */
                                appUrl: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                destroyedAt: string | null;
                                estimatedCost: number;
                                actualCost: number | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                /** @description true when the app's files came from the prompt cache: no model call, $0 generation */
                                cached?: boolean;
                                /** @description null until a version was deployed and checked */
                                verification?: {
                                    /**
                                     * @description `skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)
                                     * @enum {string}
                                     */
                                    status: "passed" | "problems" | "skipped";
                                    problems: {
                                        /** @description load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step */
                                        kind: string;
                                        message: string;
                                        /** @description e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add` */
                                        where?: string;
                                    }[];
                                    /** Format: date-time */
                                    checkedAt: string;
                                    /** @description the version it is about */
                                    version: number;
                                } | null;
                                /** @description the region the app runs in */
                                region?: string;
                                /** @enum {string} */
                                visibility?: "public" | "org";
                                /** @description the user who created it (null: before organisations existed) */
                                creatorId?: string | null;
                                /** @description the image sent with the request, or null */
                                image?: {
                                    mediaType: string;
                                    bytes: number;
                                    /** @description the path of the image, same token rules as the session */
                                    url: string;
                                } | null;
                            }[];
                            /** @description pass as `?cursor=` for the next (older) page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a session: an app from a sentence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what the app should do: 1 to SPAWN_MAX_PROMPT_CHARS (2000) characters after trimming */
                        prompt: string;
                        /**
                         * @description inferred from the prompt when omitted; another value is answered INVALID_APP_TYPE
                         * @enum {string}
                         */
                        appType?: "webapp" | "api" | "script";
                        /** @description lifetime in whole seconds, SPAWN_MIN_TTL_SECONDS to SPAWN_MAX_TTL_SECONDS (default 7200) */
                        ttlSeconds?: number;
                        /** @description `false` skips the prompt cache: a fresh (paid) generation even for a prompt seen before */
                        cache?: boolean;
                        /** @description where the app runs: one of SPAWN_REGIONS (default SPAWN_DEFAULT_REGION); another value is answered INVALID_REGION */
                        region?: string;
                        /**
                         * @description `public` (default): anyone with the URL; `org`: signed-in members of its organisation
                         * @enum {string}
                         */
                        visibility?: "public" | "org";
                        /** @description a sketch or screenshot for vision models; IMAGE_NOT_SUPPORTED when no model of the chain accepts images */
                        image?: {
                            /** @description `image/png`, `image/jpeg` or `image/webp`; must match the bytes (IMAGE_TYPE_UNSUPPORTED) */
                            mediaType: string;
                            /** @description the file, standard base64 without a `data:` prefix; at most 5 MB decoded (IMAGE_TOO_LARGE) */
                            data: string;
                        };
                    };
                };
            };
            responses: {
                /** @description queued; follow it on the event stream */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                            /** @enum {string} */
                            appType: "webapp" | "api" | "script";
                            generator: string;
                            estimatedCost: number;
                            estimatedSeconds: number;
                            /** Format: date-time */
                            expiresAt: string;
                            appUrl: string | null;
                            /** @description true once the app was served from the prompt cache (known after generation; false at creation) */
                            cached?: boolean;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `PROMPT_EMPTY`: prompt must not be empty; `PROMPT_TOO_LONG`: prompt is longer than the configured maximum; `INVALID_APP_TYPE`: appType must be one of webapp, api, script; `TTL_OUT_OF_RANGE`: ttlSeconds is outside the allowed range; `IMAGE_NOT_SUPPORTED`: no model of the chain accepts images: put a vision model (e.g. anthropic:claude-sonnet-4-5, openai:gpt-4.1) in SPAWN_MODELS, or send the request without an image; `IMAGE_TYPE_UNSUPPORTED`: the image is not a PNG, JPEG or WebP file (its first bytes decide, not the declared type) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `CREDITS_EXHAUSTED`: the organisation's credits are spent: ask an installation admin to top up (POST /api/orgs/:id/credits or `spawnai credits add`); `BUDGET_EXCEEDED`: the organisation's monthly hard budget is reached: raise it or wait for next month */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large; `IMAGE_TOO_LARGE`: the image is larger than 5 MB: send a smaller or more compressed one */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ACTIVE_SESSION_LIMIT`: too many active sessions: destroy one or wait until one expires; `SESSION_RATE_LIMIT`: too many new sessions in the current window */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                            progress: number;
                            prompt: string;
                            title: string;
                            /** @enum {string} */
                            appType: "webapp" | "api" | "script";
                            generator: string;
                            model: string | null;
                            /** @description the app on its own origin, while it is running */
                            appUrl: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            destroyedAt: string | null;
                            estimatedCost: number;
                            actualCost: number | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description true when the app's files came from the prompt cache: no model call, $0 generation */
                            cached?: boolean;
                            /** @description null until a version was deployed and checked */
                            verification?: {
                                /**
                                 * @description `skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)
                                 * @enum {string}
                                 */
                                status: "passed" | "problems" | "skipped";
                                problems: {
                                    /** @description load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step */
                                    kind: string;
                                    message: string;
                                    /** @description e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add` */
                                    where?: string;
                                }[];
                                /** Format: date-time */
                                checkedAt: string;
                                /** @description the version it is about */
                                version: number;
                            } | null;
                            /** @description the region the app runs in */
                            region?: string;
                            /** @enum {string} */
                            visibility?: "public" | "org";
                            /** @description the user who created it (null: before organisations existed) */
                            creatorId?: string | null;
                            /** @description the image sent with the request, or null */
                            image?: {
                                mediaType: string;
                                bytes: number;
                                /** @description the path of the image, same token rules as the session */
                                url: string;
                            } | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Destroy a session (it goes destroying → destroyed) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the session, being destroyed */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                            progress: number;
                            prompt: string;
                            title: string;
                            /** @enum {string} */
                            appType: "webapp" | "api" | "script";
                            generator: string;
                            model: string | null;
                            /** @description the app on its own origin, while it is running */
                            appUrl: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            destroyedAt: string | null;
                            estimatedCost: number;
                            actualCost: number | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description true when the app's files came from the prompt cache: no model call, $0 generation */
                            cached?: boolean;
                            /** @description null until a version was deployed and checked */
                            verification?: {
                                /**
                                 * @description `skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)
                                 * @enum {string}
                                 */
                                status: "passed" | "problems" | "skipped";
                                problems: {
                                    /** @description load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step */
                                    kind: string;
                                    message: string;
                                    /** @description e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add` */
                                    where?: string;
                                }[];
                                /** Format: date-time */
                                checkedAt: string;
                                /** @description the version it is about */
                                version: number;
                            } | null;
                            /** @description the region the app runs in */
                            region?: string;
                            /** @enum {string} */
                            visibility?: "public" | "org";
                            /** @description the user who created it (null: before organisations existed) */
                            creatorId?: string | null;
                            /** @description the image sent with the request, or null */
                            image?: {
                                mediaType: string;
                                bytes: number;
                                /** @description the path of the image, same token rules as the session */
                                url: string;
                            } | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Make the app public (anyone with the URL) or private to the organisation */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        visibility: "public" | "org";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                            progress: number;
                            prompt: string;
                            title: string;
                            /** @enum {string} */
                            appType: "webapp" | "api" | "script";
                            generator: string;
                            model: string | null;
                            /** @description the app on its own origin, while it is running */
                            appUrl: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            destroyedAt: string | null;
                            estimatedCost: number;
                            actualCost: number | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description true when the app's files came from the prompt cache: no model call, $0 generation */
                            cached?: boolean;
                            /** @description null until a version was deployed and checked */
                            verification?: {
                                /**
                                 * @description `skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)
                                 * @enum {string}
                                 */
                                status: "passed" | "problems" | "skipped";
                                problems: {
                                    /** @description load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step */
                                    kind: string;
                                    message: string;
                                    /** @description e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add` */
                                    where?: string;
                                }[];
                                /** Format: date-time */
                                checkedAt: string;
                                /** @description the version it is about */
                                version: number;
                            } | null;
                            /** @description the region the app runs in */
                            region?: string;
                            /** @enum {string} */
                            visibility?: "public" | "org";
                            /** @description the user who created it (null: before organisations existed) */
                            creatorId?: string | null;
                            /** @description the image sent with the request, or null */
                            image?: {
                                mediaType: string;
                                bytes: number;
                                /** @description the path of the image, same token rules as the session */
                                url: string;
                            } | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/sessions/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move expiresAt to now + ttlSeconds (capped at creation + the maximum TTL) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description new lifetime from now, capped at creation + SPAWN_MAX_TTL_SECONDS */
                        ttlSeconds: number;
                    };
                };
            };
            responses: {
                /** @description the session with its new expiresAt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            state: "requested" | "provisioning" | "generating" | "deploying" | "running" | "destroying" | "destroyed" | "failed";
                            progress: number;
                            prompt: string;
                            title: string;
                            /** @enum {string} */
                            appType: "webapp" | "api" | "script";
                            generator: string;
                            model: string | null;
                            /** @description the app on its own origin, while it is running */
                            appUrl: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            destroyedAt: string | null;
                            estimatedCost: number;
                            actualCost: number | null;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description true when the app's files came from the prompt cache: no model call, $0 generation */
                            cached?: boolean;
                            /** @description null until a version was deployed and checked */
                            verification?: {
                                /**
                                 * @description `skipped`: not checked (SPAWN_VERIFY=off, a script, or the browser could not run)
                                 * @enum {string}
                                 */
                                status: "passed" | "problems" | "skipped";
                                problems: {
                                    /** @description load-failed, http-status, exception, console-error, request-failed, empty-page or smoke-step */
                                    kind: string;
                                    message: string;
                                    /** @description e.g. `/app.js:2:10`, `GET /api/books → 404`, `step 2: click #add` */
                                    where?: string;
                                }[];
                                /** Format: date-time */
                                checkedAt: string;
                                /** @description the version it is about */
                                version: number;
                            } | null;
                            /** @description the region the app runs in */
                            region?: string;
                            /** @enum {string} */
                            visibility?: "public" | "org";
                            /** @description the user who created it (null: before organisations existed) */
                            creatorId?: string | null;
                            /** @description the image sent with the request, or null */
                            image?: {
                                mediaType: string;
                                bytes: number;
                                /** @description the path of the image, same token rules as the session */
                                url: string;
                            } | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `TTL_OUT_OF_RANGE`: ttlSeconds is outside the allowed range */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `CREDITS_EXHAUSTED`: the organisation's credits are spent: ask an installation admin to top up (POST /api/orgs/:id/credits or `spawnai credits add`); `BUDGET_EXCEEDED`: the organisation's monthly hard budget is reached: raise it or wait for next month */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_ACTIVE`: the session is no longer active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_ACTIVE",
                         *         "message": "the session is no longer active"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's events as Server-Sent Events
         * @description Replayed from the start (or after `Last-Event-ID` / `?lastEventId=`), then live; the stream ends after `destroyed` or `failed`. Each event: `id` = seq, `event` = type, `data` = the JSON event below.
         */
        get: {
            parameters: {
                query?: {
                    /** @description replay after this sequence number (the `Last-Event-ID` header wins) */
                    lastEventId?: string;
                    /** @description the organisation to act in, as the `X-Spawn-Org` header (which EventSource cannot send; the header wins) */
                    org?: string;
                };
                header?: {
                    /** @description replay after this sequence number (sent by EventSource on reconnect) */
                    "last-event-id"?: string;
                };
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an event stream; each `data:` line holds one SessionEvent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            seq: number;
                            sessionId: string;
                            /** @enum {string} */
                            type: "state" | "progress" | "log" | "file" | "error";
                            /** Format: date-time */
                            at: string;
                            /** @description `state`: {state, progress, error?}; `progress`: {progress, step}; `log`: {level, message}; `file`: {path, status, bytes} */
                            data: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation, starting with the original prompt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                id: string;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                /** @description assistant: the version its change produced */
                                version?: number;
                                /**
                                 * @description user: `pending` until the change is live (`done`) or has `failed`
                                 * @enum {string}
                                 */
                                status?: "pending" | "done" | "failed";
                                /** @description the first message: the image sent with the request */
                                image?: {
                                    mediaType: string;
                                    bytes: number;
                                    /** @description the path of the image, same token rules as the session */
                                    url: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a change to a running app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the change, in words: 1 to SPAWN_MAX_PROMPT_CHARS characters after trimming */
                        prompt: string;
                    };
                };
            };
            responses: {
                /** @description queued; the result arrives on the event stream */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messageId: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `PROMPT_EMPTY`: prompt must not be empty; `PROMPT_TOO_LONG`: prompt is longer than the configured maximum */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_ACTIVE`: the session is no longer active; `EDITS_NEED_A_MODEL`: follow-up edits need a model: set ANTHROPIC_API_KEY, OPENAI_API_KEY or SPAWN_MODELS and restart; `EDIT_IN_PROGRESS`: a change to this app is still being made: wait for it to finish */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every version and the current one */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the version live at the app URL (null before the first deploy) */
                            current: number | null;
                            versions: {
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                files: number;
                                /** @enum {string} */
                                source: "generate" | "edit" | "restore";
                                message?: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SESSION_NOT_FOUND",
                         *         "message": "no such session"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version's files (default: the current version) */
        get: {
            parameters: {
                query?: {
                    /** @description a version number (default: the current version) */
                    version?: string;
                };
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the files with their content */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            files: {
                                path: string;
                                size: number;
                                content: string;
                            }[];
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session; `VERSION_NOT_FOUND`: the session has no such version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/versions/{n}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new version with version n's files */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the session id */
                    id: string;
                    /** @description the version to restore (a positive whole number) */
                    n: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a web app: the new version is live */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messageId: string;
                            version: number | null;
                        };
                    };
                };
                /** @description an api app or script: a worker redeploys it (version null until then) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messageId: string;
                            version: number | null;
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session; `VERSION_NOT_FOUND`: the session has no such version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_ACTIVE`: the session is no longer active; `EDIT_IN_PROGRESS`: a change to this app is still being made: wait for it to finish */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/export.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current version's sources as a ZIP */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description attachment; filename="<title>.zip" */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session; `VERSION_NOT_FOUND`: the session has no such version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/functions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's functions (latest versions) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the functions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            functions: {
                                id: string;
                                version: number;
                                name: string;
                                /** @enum {string} */
                                runtime: "python" | "node";
                                entrypoint: string;
                                inputSchema: {
                                    [key: string]: unknown;
                                } | null;
                                timeoutSeconds: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description `GET /api/functions/:id` only */
                                code?: string;
                                requirements: string[];
                                /** @description null without requirements; calls wait until it is ready */
                                build: {
                                    /** @enum {string} */
                                    state: "pending" | "building" | "ready" | "failed";
                                    /** @description the installer's output (its error when failed) */
                                    log: string;
                                    /** @description content address of the installed layer */
                                    layer: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a function (a new version when the name exists) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        runtime: "python" | "node";
                        code: string;
                        /** @description function called with the inputs object (default `main`) */
                        entrypoint?: string;
                        /** @description JSON Schema the inputs must satisfy */
                        inputSchema?: {
                            [key: string]: unknown;
                        };
                        timeoutSeconds?: number;
                        /** @description pip requirement lines (Python) or npm package specs (Node), e.g. `["pint>=0.23"]`; plain specs only (FUNCTION_REQUIREMENTS_INVALID) */
                        requirements?: string[];
                    };
                };
            };
            responses: {
                /** @description the registered version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string;
                            /** @enum {string} */
                            runtime: "python" | "node";
                            entrypoint: string;
                            inputSchema: {
                                [key: string]: unknown;
                            } | null;
                            timeoutSeconds: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description `GET /api/functions/:id` only */
                            code?: string;
                            requirements: string[];
                            /** @description null without requirements; calls wait until it is ready */
                            build: {
                                /** @enum {string} */
                                state: "pending" | "building" | "ready" | "failed";
                                /** @description the installer's output (its error when failed) */
                                log: string;
                                /** @description content address of the installed layer */
                                layer: string | null;
                            } | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `FUNCTION_SYNTAX_ERROR`: the function code does not parse; `FUNCTION_ENTRYPOINT_MISSING`: the function code does not define its entrypoint; `FUNCTION_SCHEMA_INVALID`: inputSchema is not a JSON Schema SpawnAI can use */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/functions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One function, with its code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the latest version, with `code` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            version: number;
                            name: string;
                            /** @enum {string} */
                            runtime: "python" | "node";
                            entrypoint: string;
                            inputSchema: {
                                [key: string]: unknown;
                            } | null;
                            timeoutSeconds: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description `GET /api/functions/:id` only */
                            code?: string;
                            requirements: string[];
                            /** @description null without requirements; calls wait until it is ready */
                            build: {
                                /** @enum {string} */
                                state: "pending" | "building" | "ready" | "failed";
                                /** @description the installer's output (its error when failed) */
                                log: string;
                                /** @description content address of the installed layer */
                                layer: string | null;
                            } | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FUNCTION_NOT_FOUND`: no such function */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FUNCTION_NOT_FOUND",
                         *         "message": "no such function"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a function (every version) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FUNCTION_NOT_FOUND`: no such function */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FUNCTION_NOT_FOUND",
                         *         "message": "no such function"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/functions/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a function on JSON inputs
         * @description With `wait`, answers the finished task (200) when it ends within that many seconds; otherwise the queued task (202), read with `GET /api/tasks/{id}`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        inputs?: {
                            [key: string]: unknown;
                        };
                        /** @description seconds to wait for the result; the finished task is answered when it ends in time */
                        wait?: number;
                    };
                };
            };
            responses: {
                /** @description finished within `wait` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            functionId: string;
                            version: number;
                            /** @enum {string} */
                            state: "queued" | "running" | "completed" | "failed" | "timeout";
                            inputs: unknown;
                            outputs: unknown;
                            /** @description for an exception, `message` holds the traceback */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            stdout: string;
                            stderr: string;
                            durationMs: number | null;
                            cached: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            workflowRunId: string | null;
                            stepId: string | null;
                        };
                    };
                };
                /** @description queued or still running */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            taskId: string;
                            /** @enum {string} */
                            state: "queued" | "running" | "completed" | "failed" | "timeout";
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `FUNCTION_INPUT_INVALID`: the inputs do not match the function input schema; `FUNCTION_SCHEMA_INVALID`: inputSchema is not a JSON Schema SpawnAI can use */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `CREDITS_EXHAUSTED`: the organisation's credits are spent: ask an installation admin to top up (POST /api/orgs/:id/credits or `spawnai credits add`); `BUDGET_EXCEEDED`: the organisation's monthly hard budget is reached: raise it or wait for next month */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FUNCTION_NOT_FOUND`: no such function */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FUNCTION_NOT_FOUND",
                         *         "message": "no such function"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FUNCTION_CONCURRENCY_LIMIT`: too many function calls queued or running in this organisation: wait for one to finish */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FUNCTION_CONCURRENCY_LIMIT",
                         *         "message": "too many function calls queued or running in this organisation: wait for one to finish"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the task */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            functionId: string;
                            version: number;
                            /** @enum {string} */
                            state: "queued" | "running" | "completed" | "failed" | "timeout";
                            inputs: unknown;
                            outputs: unknown;
                            /** @description for an exception, `message` holds the traceback */
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            stdout: string;
                            stderr: string;
                            durationMs: number | null;
                            cached: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            workflowRunId: string | null;
                            stepId: string | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `TASK_NOT_FOUND`: no such task */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "TASK_NOT_FOUND",
                         *         "message": "no such task"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's tasks, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description only this function's tasks */
                    functionId?: string;
                    /** @description how many, newest first: 1 to 500 (default 50) */
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tasks: {
                                id: string;
                                functionId: string;
                                version: number;
                                /** @enum {string} */
                                state: "queued" | "running" | "completed" | "failed" | "timeout";
                                inputs: unknown;
                                outputs: unknown;
                                /** @description for an exception, `message` holds the traceback */
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                stdout: string;
                                stderr: string;
                                durationMs: number | null;
                                cached: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                finishedAt: string | null;
                                workflowRunId: string | null;
                                stepId: string | null;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workflows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the workflows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflows: {
                                id: string;
                                name: string;
                                steps: {
                                    id: string;
                                    functionId: string;
                                    /** @description values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside */
                                    inputs: {
                                        [key: string]: unknown;
                                    };
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a workflow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        steps: {
                            id: string;
                            functionId: string;
                            /** @description values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside */
                            inputs?: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description the workflow */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            steps: {
                                id: string;
                                functionId: string;
                                /** @description values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside */
                                inputs: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `WORKFLOW_CYCLE`: the workflow steps depend on each other in a cycle; `WORKFLOW_UNKNOWN_STEP`: a workflow reference names a step that does not exist; `WORKFLOW_UNKNOWN_FUNCTION`: a workflow step names a function that does not exist */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workflow */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the workflow */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            steps: {
                                id: string;
                                functionId: string;
                                /** @description values, or `{"$ref": "<step>.outputs.<path>"}` / `{"$ref": "inputs.<path>"}` anywhere inside */
                                inputs: {
                                    [key: string]: unknown;
                                };
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `WORKFLOW_NOT_FOUND`: no such workflow */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "WORKFLOW_NOT_FOUND",
                         *         "message": "no such workflow"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflows/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a run of a workflow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        inputs?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description the run, started; poll `GET /api/workflow-runs/{id}` */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            workflowId: string;
                            /** @enum {string} */
                            state: "running" | "completed" | "failed";
                            inputs: {
                                [key: string]: unknown;
                            };
                            steps: {
                                id: string;
                                functionId: string;
                                /** @enum {string} */
                                state: "queued" | "running" | "completed" | "failed" | "timeout" | "pending" | "skipped";
                                taskId: string | null;
                                outputs: unknown;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                            }[];
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `CREDITS_EXHAUSTED`: the organisation's credits are spent: ask an installation admin to top up (POST /api/orgs/:id/credits or `spawnai credits add`); `BUDGET_EXCEEDED`: the organisation's monthly hard budget is reached: raise it or wait for next month */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `WORKFLOW_NOT_FOUND`: no such workflow */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "WORKFLOW_NOT_FOUND",
                         *         "message": "no such workflow"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workflow-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workflow run, with its steps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            workflowId: string;
                            /** @enum {string} */
                            state: "running" | "completed" | "failed";
                            inputs: {
                                [key: string]: unknown;
                            };
                            steps: {
                                id: string;
                                functionId: string;
                                /** @enum {string} */
                                state: "queued" | "running" | "completed" | "failed" | "timeout" | "pending" | "skipped";
                                taskId: string | null;
                                outputs: unknown;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                            }[];
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `WORKFLOW_RUN_NOT_FOUND`: no such workflow run */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "WORKFLOW_RUN_NOT_FOUND",
                         *         "message": "no such workflow run"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a study: one run per combination of parameters */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        functionId?: string;
                        workflowId?: string;
                        /** @description values of each input: every combination (`grid`) or the i-th of each (`list`) */
                        parameters: {
                            [key: string]: unknown[];
                        };
                        /** @enum {string} */
                        mode?: "grid" | "list";
                        /** @description inputs shared by every run */
                        inputs?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description the study, started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            functionId: string | null;
                            workflowId: string | null;
                            /** @enum {string} */
                            mode: "grid" | "list";
                            parameters: {
                                [key: string]: unknown[];
                            };
                            /** @enum {string} */
                            state: "running" | "completed";
                            progress: {
                                total: number;
                                done: number;
                                completed: number;
                                failed: number;
                            };
                            rows: {
                                index: number;
                                inputs: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                state: "queued" | "running" | "completed" | "failed" | "timeout" | "pending";
                                /** @description a function's outputs, or a workflow's `{step: outputs}` */
                                outputs: unknown;
                                error: string | null;
                                taskId: string | null;
                                runId: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `STUDY_TOO_LARGE`: the study has more runs than the configured maximum; `FUNCTION_INPUT_INVALID`: the inputs do not match the function input schema; `FUNCTION_SCHEMA_INVALID`: inputSchema is not a JSON Schema SpawnAI can use */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `CREDITS_EXHAUSTED`: the organisation's credits are spent: ask an installation admin to top up (POST /api/orgs/:id/credits or `spawnai credits add`); `BUDGET_EXCEEDED`: the organisation's monthly hard budget is reached: raise it or wait for next month */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FUNCTION_NOT_FOUND`: no such function; `WORKFLOW_NOT_FOUND`: no such workflow */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable; `QUEUE_UNAVAILABLE`: the job queue is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/studies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One study, with a row per run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the study */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            functionId: string | null;
                            workflowId: string | null;
                            /** @enum {string} */
                            mode: "grid" | "list";
                            parameters: {
                                [key: string]: unknown[];
                            };
                            /** @enum {string} */
                            state: "running" | "completed";
                            progress: {
                                total: number;
                                done: number;
                                completed: number;
                                failed: number;
                            };
                            rows: {
                                index: number;
                                inputs: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                state: "queued" | "running" | "completed" | "failed" | "timeout" | "pending";
                                /** @description a function's outputs, or a workflow's `{step: outputs}` */
                                outputs: unknown;
                                error: string | null;
                                taskId: string | null;
                                runId: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STUDY_NOT_FOUND`: no such study */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STUDY_NOT_FOUND",
                         *         "message": "no such study"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/studies/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A study's results as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description parameters, state, one column per output field, error */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STUDY_NOT_FOUND`: no such study */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STUDY_NOT_FOUND",
                         *         "message": "no such study"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file (multipart/form-data, one part named `file`)
         * @description At most `SPAWN_FILE_MAX_MB`; the organisation's files together at most `SPAWN_FILE_QUOTA_MB`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the file
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description the stored file */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description pass it as `{"$file": "<id>"}` in inputs; the function receives the path of a read-only copy */
                            id: string;
                            name: string;
                            contentType: string;
                            sizeBytes: number;
                            /** @description for a function output: the task that wrote it */
                            taskId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `FILE_UPLOAD_INVALID`: POST /api/files takes a multipart/form-data body with one part named `file` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FILE_UPLOAD_INVALID",
                         *         "message": "POST /api/files takes a multipart/form-data body with one part named `file`"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FILE_TOO_LARGE`: the file is larger than SPAWN_FILE_MAX_MB allows; `FILE_QUOTA_EXCEEDED`: the organisation's files would exceed SPAWN_FILE_QUOTA_MB: delete files or raise the quota; `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FILE_NOT_FOUND`: no such file */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FILE_NOT_FOUND",
                         *         "message": "no such file"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files a task wrote under ./outputs/ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the files, by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                /** @description pass it as `{"$file": "<id>"}` in inputs; the function receives the path of a read-only copy */
                                id: string;
                                name: string;
                                contentType: string;
                                sizeBytes: number;
                                /** @description for a function output: the task that wrote it */
                                taskId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `TASK_NOT_FOUND`: no such task */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "TASK_NOT_FOUND",
                         *         "message": "no such task"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one file a task wrote under ./outputs/ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the task id */
                    id: string;
                    /** @description the file name, as listed by `GET /api/tasks/{id}/files` */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `TASK_NOT_FOUND`: no such task; `FILE_NOT_FOUND`: no such file */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and dependencies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description every check passed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            checks: {
                                store: boolean;
                                queue: boolean;
                            };
                            runtime: string;
                            isolation: string;
                            version: string;
                            /**
                             * @description how deployed apps are checked before their URL is handed out (SPAWN_VERIFY)
                             * @enum {string}
                             */
                            verify?: "browser" | "http" | "off";
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `status: "degraded"`: a check failed */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            checks: {
                                store: boolean;
                                queue: boolean;
                            };
                            runtime: string;
                            isolation: string;
                            version: string;
                            /**
                             * @description how deployed apps are checked before their URL is handed out (SPAWN_VERIFY)
                             * @enum {string}
                             */
                            verify?: "browser" | "http" | "off";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness for a load balancer: 200 while this node takes traffic, 503 once it drains */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description taking traffic */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "draining";
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `status: "draining"`: shutting down, send requests elsewhere */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "draining";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This server's limits and generator, for clients */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the client configuration */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            maxPromptChars: number;
                            ttl: {
                                defaultSeconds: number;
                                minSeconds: number;
                                maxSeconds: number;
                            };
                            /**
                             * @description `offline-template` when no model is configured (the UI says how to configure one)
                             * @enum {string}
                             */
                            generator: "offline-template" | "llm";
                            models: string[];
                            appsDomain: string;
                            /**
                             * @description `oidc`: sign in through the identity provider at /auth/login; `token`: a bearer token is needed; `none`: single-user mode
                             * @enum {string}
                             */
                            signIn?: "oidc" | "token" | "none";
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API as an OpenAPI 3.1 document (the reference page is at /docs) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description generated from the route schemas */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            openapi: string;
                            info: {
                                [key: string]: unknown;
                            };
                            paths: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/thumbnail.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A small PNG of the app as the verifier saw it (the current version's) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description image/png */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session; `THUMBNAIL_NOT_FOUND`: this session has no thumbnail yet: it is taken when the app is verified in a browser (SPAWN_VERIFY=browser) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fleet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The worker fleet: hosts, cost per region and in total, recent autoscaler decisions (admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the fleet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false when no cloud is configured (no DIGITALOCEAN_TOKEN): workers are started by hand */
                            enabled: boolean;
                            provider: string | null;
                            regions: string[];
                            defaultRegion: string;
                            /** @description the node whose autoscaler made the latest decision */
                            leader: string | null;
                            hosts: {
                                id: string;
                                name: string;
                                region: string;
                                size: string;
                                /** @description creating, joining, active, draining or destroyed */
                                state: string;
                                dropletId: string | null;
                                createdAt: string;
                                joinedAt: string | null;
                                destroyedAt: string | null;
                                /** @description why it was destroyed: DRAINED, DRAIN_TIMEOUT, JOIN_TIMEOUT, HOST_LOST, HOST_MAX_AGE, HOST_VANISHED */
                                reason: string | null;
                                /** @description the last heartbeat: freeMemoryMb, sandboxes, pool, activeJobs, room */
                                capacity: {
                                    [key: string]: number;
                                } | null;
                                hours: number;
                                costUsd: number;
                                billedUsd: number;
                            }[];
                            cost: {
                                byRegion: {
                                    [key: string]: {
                                        hostHours: number;
                                        /** @description host hours × the tier price (SPAWN_FLEET_SIZE in the price table) */
                                        costUsd: number;
                                        /** @description what the sessions run on these hosts were billed */
                                        billedUsd: number;
                                    };
                                };
                                total: {
                                    hostHours: number;
                                    /** @description host hours × the tier price (SPAWN_FLEET_SIZE in the price table) */
                                    costUsd: number;
                                    /** @description what the sessions run on these hosts were billed */
                                    billedUsd: number;
                                };
                            };
                            /** @description the latest autoscaler decisions, newest first: inputs, desired host count, action */
                            decisions: {
                                at: string;
                                region: string;
                                leader: string;
                                desired: number;
                                action: string;
                                inputs: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/fleet/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new fleet host exchanges its single-use join token for its worker configuration (no bearer token) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the single-use join token from the host’s user data */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description the worker configuration */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the worker’s configuration as environment variables */
                            env: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `JOIN_TOKEN_INVALID`: the join token is unknown, expired or already used: a host joins once, with the token its user data carried */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "JOIN_TOKEN_INVALID",
                         *         "message": "the join token is unknown, expired or already used: a host joins once, with the token its user data carried"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The image sent with the session's first message (PNG, JPEG or WebP, as checked on arrival) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the resource id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                        "image/jpeg": string;
                        "image/webp": string;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SESSION_NOT_FOUND`: no such session; `IMAGE_NOT_FOUND`: this session was created without an image */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tls/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Caddy's on-demand TLS ask: may a certificate be requested for this host? */
        get: {
            parameters: {
                query?: {
                    /** @description the host name Caddy was asked for (SNI) */
                    domain?: string | string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `ok`: the control-plane host or a live app host */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `no`: any other name */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description too many store look-ups; Caddy retries */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's credit balance, monthly spend and budget */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgId: string;
                            /** @description false: no credit limit (SPAWN_DEFAULT_CREDITS_USD unset and never topped up) */
                            creditsLimited: boolean;
                            balanceUsd: number;
                            /** @description charges this UTC month plus reservations still open */
                            monthSpendUsd: number;
                            budgetSoftUsd: number | null;
                            budgetHardUsd: number | null;
                            /** @description why new sessions, extends and executions are refused (null: they are not) */
                            refusal: {
                                /** @enum {string} */
                                code: "CREDITS_EXHAUSTED" | "BUDGET_EXCEEDED";
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add credits (installation admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description dollars to add (negative corrects a mistake), at most a billion either way */
                        amountUsd: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description the account after the top-up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgId: string;
                            /** @description false: no credit limit (SPAWN_DEFAULT_CREDITS_USD unset and never topped up) */
                            creditsLimited: boolean;
                            balanceUsd: number;
                            /** @description charges this UTC month plus reservations still open */
                            monthSpendUsd: number;
                            budgetSoftUsd: number | null;
                            budgetHardUsd: number | null;
                            /** @description why new sessions, extends and executions are refused (null: they are not) */
                            refusal: {
                                /** @enum {string} */
                                code: "CREDITS_EXHAUSTED" | "BUDGET_EXCEEDED";
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `INVALID_AMOUNT`: amountUsd must be a non-zero number of dollars */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the monthly budget: a soft limit (alert) and a hard limit (refusal) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description monthly spend that raises an alert (null: none) */
                        softLimitUsd: number | null;
                        /** @description monthly spend past which new sessions, extends and executions are refused (null: none) */
                        hardLimitUsd: number | null;
                    };
                };
            };
            responses: {
                /** @description the account with its new budget */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgId: string;
                            /** @description false: no credit limit (SPAWN_DEFAULT_CREDITS_USD unset and never topped up) */
                            creditsLimited: boolean;
                            balanceUsd: number;
                            /** @description charges this UTC month plus reservations still open */
                            monthSpendUsd: number;
                            budgetSoftUsd: number | null;
                            budgetHardUsd: number | null;
                            /** @description why new sessions, extends and executions are refused (null: they are not) */
                            refusal: {
                                /** @enum {string} */
                                code: "CREDITS_EXHAUSTED" | "BUDGET_EXCEEDED";
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Spend in a time range: sessions, compute, generation (by model, with tokens), functions, credit movements */
        get: {
            parameters: {
                query?: {
                    /** @description start (inclusive, ISO 8601); default: 30 days before `to` */
                    from?: string;
                    /** @description end (exclusive); default: now */
                    to?: string;
                    groupBy?: "day" | "user" | "model" | "appType";
                };
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @enum {string} */
                            groupBy: "day" | "user" | "model" | "appType";
                            totals: {
                                sessions: number;
                                computeUsd: number;
                                generationUsd: number;
                                functionUsd: number;
                                totalUsd: number;
                                inputTokens: number;
                                outputTokens: number;
                            };
                            groups: {
                                sessions: number;
                                computeUsd: number;
                                generationUsd: number;
                                functionUsd: number;
                                totalUsd: number;
                                inputTokens: number;
                                outputTokens: number;
                                key: string;
                            }[];
                            models: {
                                model: string;
                                usd: number;
                                inputTokens: number;
                                outputTokens: number;
                                calls: number;
                            }[];
                            account: {
                                orgId: string;
                                /** @description false: no credit limit (SPAWN_DEFAULT_CREDITS_USD unset and never topped up) */
                                creditsLimited: boolean;
                                balanceUsd: number;
                                /** @description charges this UTC month plus reservations still open */
                                monthSpendUsd: number;
                                budgetSoftUsd: number | null;
                                budgetHardUsd: number | null;
                                /** @description why new sessions, extends and executions are refused (null: they are not) */
                                refusal: {
                                    /** @enum {string} */
                                    code: "CREDITS_EXHAUSTED" | "BUDGET_EXCEEDED";
                                    message: string;
                                } | null;
                            };
                            /** @description credit movements in the range, newest first */
                            ledger: {
                                id: string;
                                /** @enum {string} */
                                kind: "grant" | "topup" | "reserve" | "release" | "charge" | "function";
                                /** @description signed: + adds to the balance, − takes from it */
                                amountUsd: number;
                                sessionId: string | null;
                                note: string | null;
                                actor: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/usage.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The usage groups as CSV */
        get: {
            parameters: {
                query?: {
                    /** @description start (inclusive, ISO 8601); default: 30 days before `to` */
                    from?: string;
                    /** @description end (exclusive); default: now */
                    to?: string;
                    groupBy?: "day" | "user" | "model" | "appType";
                };
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv, one line per group */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger entries (newest first) */
        get: {
            parameters: {
                query?: {
                    /** @description start (inclusive, ISO 8601); default: 30 days before `to` */
                    from?: string;
                    /** @description end (exclusive); default: now */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                id: string;
                                /** @enum {string} */
                                kind: "grant" | "topup" | "reserve" | "release" | "charge" | "function";
                                /** @description signed: + adds to the balance, − takes from it */
                                amountUsd: number;
                                sessionId: string | null;
                                note: string | null;
                                actor: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's webhooks (secrets are never shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhooks: {
                                id: string;
                                orgId: string;
                                url: string;
                                events: string[];
                                /** @enum {string} */
                                format: "json" | "slack" | "discord";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook for lifecycle events and alerts; the answer carries its signing secret, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        /** @description event names (session.running, alert.cost_overrun …) or `*` for all */
                        events: string[];
                        /**
                         * @default json
                         * @enum {string}
                         */
                        format?: "json" | "slack" | "discord";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orgId: string;
                            url: string;
                            events: string[];
                            /** @enum {string} */
                            format: "json" | "slack" | "discord";
                            /** Format: date-time */
                            createdAt: string;
                            /** @description the signing secret: shown this once, never again */
                            secret: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `WEBHOOK_URL_FORBIDDEN`: webhook URLs must be http(s) and must not point at loopback, private or link-local addresses (SPAWN_WEBHOOK_ALLOW_PRIVATE=1 allows them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/webhooks/{wid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `WEBHOOK_NOT_FOUND`: no such webhook */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/webhooks/{wid}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, each with its attempts (status, duration) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    wid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                id: string;
                                webhookId: string;
                                event: string;
                                /** @enum {string} */
                                state: "pending" | "delivered" | "failed";
                                attempts: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                payload: {
                                    [key: string]: unknown;
                                };
                                attemptLog: {
                                    /** Format: date-time */
                                    at: string;
                                    statusCode: number | null;
                                    durationMs: number;
                                    error: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `WEBHOOK_NOT_FOUND`: no such webhook */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/webhooks/{wid}/deliveries/{did}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    wid: string;
                    did: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            webhookId: string;
                            event: string;
                            /** @enum {string} */
                            state: "pending" | "delivered" | "failed";
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `WEBHOOK_NOT_FOUND`: no such webhook; `DELIVERY_NOT_FOUND`: no such webhook delivery */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's alert incidents, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                id: string;
                                rule: string;
                                subject: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                openedAt: string;
                                closedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's organisations with their role in each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgs: {
                                id: string;
                                name: string;
                                /** @description a user's own organisation (same id as the user): cannot be deleted or shared */
                                personal: boolean;
                                /**
                                 * @description the caller's role in it
                                 * @enum {string}
                                 */
                                role: "owner" | "admin" | "member" | "viewer";
                                /** @description the limits in force: the organisation's own where an admin set one, else the server's caps */
                                limits: {
                                    maxActiveSessions: number;
                                    maxNewSessionsPerWindow: number;
                                    maxFunctionConcurrency: number;
                                };
                                /** @description the server's caps: the most an admin may set */
                                caps: {
                                    maxActiveSessions: number;
                                    maxNewSessionsPerWindow: number;
                                    maxFunctionConcurrency: number;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organisation; the caller becomes its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description a user's own organisation (same id as the user): cannot be deleted or shared */
                            personal: boolean;
                            /**
                             * @description the caller's role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** @description the limits in force: the organisation's own where an admin set one, else the server's caps */
                            limits: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** @description the server's caps: the most an admin may set */
                            caps: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description a user's own organisation (same id as the user): cannot be deleted or shared */
                            personal: boolean;
                            /**
                             * @description the caller's role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** @description the limits in force: the organisation's own where an admin set one, else the server's caps */
                            limits: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** @description the server's caps: the most an admin may set */
                            caps: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete the organisation (owners only; not a personal one) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `PERSONAL_ORG`: a personal organisation cannot be deleted, and its owner cannot leave it or change role */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "PERSONAL_ORG",
                         *         "message": "a personal organisation cannot be deleted, and its owner cannot leave it or change role"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename it or set its limits (each within the server's cap) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description each at most the server's cap (else LIMIT_ABOVE_CAP) */
                        limits?: {
                            maxActiveSessions?: number;
                            maxNewSessionsPerWindow?: number;
                            maxFunctionConcurrency?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description a user's own organisation (same id as the user): cannot be deleted or shared */
                            personal: boolean;
                            /**
                             * @description the caller's role in it
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** @description the limits in force: the organisation's own where an admin set one, else the server's caps */
                            limits: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** @description the server's caps: the most an admin may set */
                            caps: {
                                maxActiveSessions: number;
                                maxNewSessionsPerWindow: number;
                                maxFunctionConcurrency: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `LIMIT_ABOVE_CAP`: an organisation's limit may not exceed the server's cap */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/orgs/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and their roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                userId: string;
                                name: string;
                                email: string | null;
                                /** @enum {string} */
                                role: "owner" | "admin" | "member" | "viewer";
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `MEMBER_NOT_FOUND`: no such member in this organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `LAST_OWNER`: an organisation keeps at least one owner: make someone else owner first; `PERSONAL_ORG`: a personal organisation cannot be deleted, and its owner cannot leave it or change role */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role (only an owner grants or takes away owner) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: string;
                            name: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** Format: date-time */
                            joinedAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `MEMBER_NOT_FOUND`: no such member in this organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `LAST_OWNER`: an organisation keeps at least one owner: make someone else owner first; `PERSONAL_ORG`: a personal organisation cannot be deleted, and its owner cannot leave it or change role */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/orgs/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use invitation URL with an expiry, accepted at sign-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default member
                         * @enum {string}
                         */
                        role?: "owner" | "admin" | "member" | "viewer";
                        /** @description default 7 days */
                        expiresInSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description single use; shown once */
                            url: string;
                            token: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `PERSONAL_ORG`: a personal organisation cannot be deleted, and its owner cannot leave it or change role */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "PERSONAL_ORG",
                         *         "message": "a personal organisation cannot be deleted, and its owner cannot leave it or change role"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join the organisation of an invitation (the signed-in caller) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the token of the invitation URL */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            org: {
                                id: string;
                                name: string;
                                /** @description a user's own organisation (same id as the user): cannot be deleted or shared */
                                personal: boolean;
                                /**
                                 * @description the caller's role in it
                                 * @enum {string}
                                 */
                                role: "owner" | "admin" | "member" | "viewer";
                                /** @description the limits in force: the organisation's own where an admin set one, else the server's caps */
                                limits: {
                                    maxActiveSessions: number;
                                    maxNewSessionsPerWindow: number;
                                    maxFunctionConcurrency: number;
                                };
                                /** @description the server's caps: the most an admin may set */
                                caps: {
                                    maxActiveSessions: number;
                                    maxNewSessionsPerWindow: number;
                                    maxFunctionConcurrency: number;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INVITATION_INVALID`: the invitation does not exist, has expired or was already used: ask for a new one */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVITATION_INVALID",
                         *         "message": "the invitation does not exist, has expired or was already used: ask for a new one"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation API keys (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKeys: {
                                id: string;
                                name: string;
                                scopes: ("sessions:write" | "sessions:read" | "functions:execute" | "functions:write" | "admin")[];
                                /** @description the key's first characters, to recognise it */
                                prefix: string;
                                creatorId: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key with scopes; the key is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: ("sessions:write" | "sessions:read" | "functions:execute" | "functions:write" | "admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            scopes: ("sessions:write" | "sessions:read" | "functions:execute" | "functions:write" | "admin")[];
                            /** @description the key's first characters, to recognise it */
                            prefix: string;
                            creatorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @description the secret: shown this once, stored only hashed */
                            key: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (at once, for good) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation; `API_KEY_NOT_FOUND`: no such API key in this organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what: every mutation, allowed or not */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: string;
                    since?: string;
                    until?: string;
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description page size, 1 to 200 (default 50) */
                    limit?: string;
                };
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                id: string;
                                /** Format: date-time */
                                at: string;
                                actorId: string | null;
                                /** @enum {string} */
                                actorVia: "token" | "apikey" | "cookie" | "loopback" | "anonymous";
                                action: string;
                                target: string | null;
                                /** @enum {string} */
                                result: "ok" | "denied" | "failed";
                                ip: string | null;
                                userAgent: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orgs/{id}/audit.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log as CSV (same filters) */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: string;
                    since?: string;
                    until?: string;
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description page size, 1 to 200 (default 50) */
                    limit?: string;
                };
                header?: never;
                path: {
                    /** @description the organisation id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description `INVALID_REQUEST`: the request does not match the expected shape */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INVALID_REQUEST",
                         *         "message": "the request does not match the expected shape"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `ORG_NOT_FOUND`: no such organisation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "ORG_NOT_FOUND",
                         *         "message": "no such organisation"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in: redirects to the identity provider (authorization code + PKCE) */
        get: {
            parameters: {
                query?: {
                    /** @description a path on this server to land on after sign-in (default `/`) */
                    returnTo?: string;
                    /** @description an invitation token, accepted once signed in */
                    invitation?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the provider's authorization endpoint */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_NOT_CONFIGURED`: no identity provider is configured: set SPAWN_OIDC_ISSUER, SPAWN_OIDC_CLIENT_ID and SPAWN_OIDC_CLIENT_SECRET, or use an API key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_NOT_CONFIGURED",
                         *         "message": "no identity provider is configured: set SPAWN_OIDC_ISSUER, SPAWN_OIDC_CLIENT_ID and SPAWN_OIDC_CLIENT_SECRET, or use an API key"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_UNAVAILABLE`: the identity provider is not reachable: try again in a moment */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_UNAVAILABLE",
                         *         "message": "the identity provider is not reachable: try again in a moment"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back; sets the session cookie */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    code?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description signed in: to `returnTo` */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `SIGN_IN_FAILED` (forged state, wrong nonce, bad or expired code, ID token not from the issuer) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `SIGN_IN_NOT_ALLOWED` (or `FORBIDDEN` from the host check) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `SIGN_IN_NOT_CONFIGURED` or `INVITATION_INVALID` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_UNAVAILABLE` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session everywhere, and says where to end the provider's session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the provider's logout URL when it supports RP-initiated logout, else `/` */
                            redirectTo: string;
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that; `CSRF_REJECTED`: a request authenticated by the session cookie must come from the web UI (same origin, X-CSRF-Token header) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the user, their organisations (with their role) and the current one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string | null;
                                name: string;
                            };
                            orgs: {
                                id: string;
                                name: string;
                                role: string;
                            }[];
                            currentOrgId: string | null;
                            /** @enum {string} */
                            via: "token" | "apikey" | "cookie" | "loopback";
                            /** @enum {string} */
                            role: "owner" | "admin" | "member" | "viewer";
                            csrfToken?: string;
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that; `CSRF_REJECTED`: a request authenticated by the session cookie must come from the web UI (same origin, X-CSRF-Token header) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch the web session's current organisation (what new sessions belong to) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string | null;
                                name: string;
                            };
                            orgs: {
                                id: string;
                                name: string;
                                role: string;
                            }[];
                            currentOrgId: string | null;
                            /** @enum {string} */
                            via: "token" | "apikey" | "cookie" | "loopback";
                            /** @enum {string} */
                            role: "owner" | "admin" | "member" | "viewer";
                            csrfToken?: string;
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `AUTH_REQUIRED`: a bearer token is required: create one with `spawnai token create --name NAME`; `AUTH_INVALID`: the bearer token is not valid */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that; `CSRF_REJECTED`: a request authenticated by the session cookie must come from the web UI (same origin, X-CSRF-Token header) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `NOT_FOUND`: no such route */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "no such route"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `STORE_UNAVAILABLE`: the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "STORE_UNAVAILABLE",
                         *         "message": "the database is not reachable"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A private app's hand-off: checks the user's cookie and membership, sends a single-use code to the app's host */
        get: {
            parameters: {
                query: {
                    /** @description the private app (session id) to open */
                    app: string;
                    /** @description the path on the app to land on */
                    next?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the app's `/__spawn/auth?code=…` (signed in and a member), or to /auth/login (not signed in) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `APP_ACCESS_DENIED`: signed in, not a member of the app’s organisation (or `FORBIDDEN` from the host check) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `APP_NOT_FOUND` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/device": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** `spawnai login`: starts the device authorization grant at the identity provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deviceCode: string;
                            userCode: string;
                            verificationUri: string;
                            verificationUriComplete: string | null;
                            expiresInSeconds: number;
                            intervalSeconds: number;
                        };
                    };
                };
                /** @description `SIGN_IN_FAILED`: sign-in failed: the answer from the identity provider did not check out (state, nonce, code or ID token); start again from the sign-in page */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_FAILED",
                         *         "message": "sign-in failed: the answer from the identity provider did not check out (state, nonce, code or ID token); start again from the sign-in page"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "your role or API key may not do that"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_NOT_CONFIGURED`: no identity provider is configured: set SPAWN_OIDC_ISSUER, SPAWN_OIDC_CLIENT_ID and SPAWN_OIDC_CLIENT_SECRET, or use an API key; `DEVICE_LOGIN_UNSUPPORTED`: the identity provider does not offer the device authorization grant: sign in with an API key (`spawnai login --api-key`) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_UNAVAILABLE`: the identity provider is not reachable: try again in a moment */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_UNAVAILABLE",
                         *         "message": "the identity provider is not reachable: try again in a moment"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/device/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** `spawnai login`: one poll; `done` carries a bearer token for the CLI */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "pending" | "slow_down";
                        } | {
                            /** @enum {string} */
                            status: "done";
                            token: string;
                            user: {
                                id: string;
                                email: string | null;
                                name: string;
                            };
                        };
                    };
                };
                /** @description `INVALID_JSON`: the request body is not valid JSON; `INVALID_REQUEST`: the request does not match the expected shape; `UNKNOWN_FIELD`: the request has a field the API does not know; `SIGN_IN_FAILED`: sign-in failed: the answer from the identity provider did not check out (state, nonce, code or ID token); start again from the sign-in page */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `FORBIDDEN`: your role or API key may not do that; `SIGN_IN_NOT_ALLOWED`: this account may not sign in here (allowed domains or groups): ask an administrator */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_NOT_CONFIGURED`: no identity provider is configured: set SPAWN_OIDC_ISSUER, SPAWN_OIDC_CLIENT_ID and SPAWN_OIDC_CLIENT_SECRET, or use an API key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_NOT_CONFIGURED",
                         *         "message": "no identity provider is configured: set SPAWN_OIDC_ISSUER, SPAWN_OIDC_CLIENT_ID and SPAWN_OIDC_CLIENT_SECRET, or use an API key"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `BODY_TOO_LARGE`: the request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "BODY_TOO_LARGE",
                         *         "message": "the request body is too large"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: send the body as application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "send the body as application/json"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: unexpected internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "INTERNAL_ERROR",
                         *         "message": "unexpected internal error"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
                /** @description `SIGN_IN_UNAVAILABLE`: the identity provider is not reachable: try again in a moment */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "error": {
                         *         "code": "SIGN_IN_UNAVAILABLE",
                         *         "message": "the identity provider is not reachable: try again in a moment"
                         *       }
                         *     }
                         */
                        "application/json": {
                            error: {
                                /** @description a stable code from the error registry (never reused) */
                                code: string;
                                /** @description what went wrong and, where it helps, how to fix it */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
