import { useEffect, useReducer } from 'react';
import { TERMINAL_STATES, type SessionEvent, type SessionState } from '../../../src/api-types.ts';
import { api } from '../api.ts';

const MAX_LOG_LINES = 200;

export interface LogLine {
  seq: number;
  level: string;
  message: string;
}
export interface StreamedFile {
  path: string;
  status: string;
  bytes: number;
}
export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'ended';

export interface LiveSession {
  state: SessionState | null;
  progress: number | null;
  step: string | null;
  logs: LogLine[];
  files: StreamedFile[];
  error: { code: string; message: string } | null;
  lastSeq: number;
  status: StreamStatus;
}

const INITIAL: LiveSession = { state: null, progress: null, step: null, logs: [], files: [], error: null, lastSeq: 0, status: 'connecting' };

type Action = { kind: 'event'; event: SessionEvent } | { kind: 'status'; status: StreamStatus } | { kind: 'reset' };

function reduce(live: LiveSession, action: Action): LiveSession {
  if (action.kind === 'reset') return INITIAL;
  if (action.kind === 'status') return live.status === action.status ? live : { ...live, status: action.status };
  const { event } = action;
  // A reconnect resumes after Last-Event-ID, but a server may replay more: drop what we have seen.
  if (event.seq <= live.lastSeq) return live;
  const next: LiveSession = { ...live, lastSeq: event.seq, status: 'live' };
  const d = event.data;
  switch (event.type) {
    case 'state':
      next.state = d.state as SessionState;
      if (typeof d.progress === 'number') next.progress = d.progress;
      // A new state starts a new step; without one named, the state's own label is shown.
      next.step = typeof d.step === 'string' ? d.step : null;
      if (d.error && typeof d.error === 'object') next.error = d.error as LiveSession['error'];
      break;
    case 'progress':
      if (typeof d.progress === 'number') next.progress = d.progress;
      if (typeof d.step === 'string') next.step = d.step;
      break;
    case 'log':
      next.logs = [...live.logs, { seq: event.seq, level: String(d.level ?? 'info'), message: String(d.message ?? '') }].slice(-MAX_LOG_LINES);
      break;
    case 'file': {
      const file = { path: String(d.path ?? ''), status: String(d.status ?? ''), bytes: Number(d.bytes ?? 0) };
      next.files = [...live.files.filter((f) => f.path !== file.path), file];
      break;
    }
    case 'error':
      next.error = { code: String(d.code ?? 'INTERNAL_ERROR'), message: String(d.message ?? '') };
      break;
  }
  return next;
}

const isTerminal = (state: SessionState | null) => state !== null && (TERMINAL_STATES as readonly string[]).includes(state);

/**
 * Follows `GET /api/sessions/:id/events`. EventSource reconnects by itself (sending Last-Event-ID);
 * we only report that as `reconnecting`, and close the stream ourselves after a terminal state,
 * because the server ending the response would otherwise make EventSource reconnect forever.
 */
export function useSessionEvents(sessionId: string | null): LiveSession {
  const [live, dispatch] = useReducer(reduce, INITIAL);
  useEffect(() => {
    dispatch({ kind: 'reset' });
    if (!sessionId) return;
    const source = new EventSource(api.eventsUrl(sessionId));
    const onMessage = (message: MessageEvent<string>) => {
      let event: SessionEvent;
      try {
        event = JSON.parse(message.data) as SessionEvent;
      } catch {
        return;
      }
      dispatch({ kind: 'event', event });
      if (event.type === 'state' && isTerminal(event.data.state as SessionState)) {
        source.close();
        dispatch({ kind: 'status', status: 'ended' });
      }
    };
    for (const type of ['state', 'progress', 'log', 'file'] as const) source.addEventListener(type, onMessage);
    // A server-sent `event: error` and a connection failure share the name: only the former has data.
    source.addEventListener('error', (event) => {
      if (event instanceof MessageEvent && typeof event.data === 'string') return onMessage(event);
      dispatch({ kind: 'status', status: source.readyState === EventSource.CLOSED ? 'ended' : 'reconnecting' });
    });
    source.addEventListener('open', () => dispatch({ kind: 'status', status: 'live' }));
    return () => source.close();
  }, [sessionId]);
  return live;
}
