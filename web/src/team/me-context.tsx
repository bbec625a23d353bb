import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeView } from '../../../src/api-types.ts';
import { api, ApiRequestError } from '../api.ts';
import { orgOverride, setCsrfToken, setOrgOverride } from '../request-headers.ts';
import { teamApi } from './team-api.ts';

/** `unavailable`: /api/me did not answer (offline, an older server): the UI works as before. */
export type MeState = { status: 'loading' } | { status: 'signed-out' } | { status: 'ready'; me: MeView } | { status: 'unavailable' };

interface MeContextValue {
  state: MeState;
  me: MeView | null;
  /** The organisation requests act in: what lists and new records belong to. */
  orgId: string | null;
  switchOrg(orgId: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): Promise<void>;
}

const MeContext = createContext<MeContextValue | null>(null);

async function loadMe(): Promise<MeState> {
  try {
    return { status: 'ready', me: await api.me() };
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return { status: 'signed-out' };
    // The organisation chosen earlier is gone (or the user left it): back to the personal one.
    if (err instanceof ApiRequestError && err.status === 404 && orgOverride()) {
      setOrgOverride(null);
      return loadMe();
    }
    return { status: 'unavailable' };
  }
}

export function MeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const apply = useCallback((next: MeState) => {
    if (next.status === 'ready') setCsrfToken(next.me.csrfToken ?? null);
    setState(next);
  }, []);
  const reload = useCallback(async () => apply(await loadMe()), [apply]);
  useEffect(() => void reload(), [reload]);

  const me = state.status === 'ready' ? state.me : null;
  const switchOrg = useCallback(
    async (orgId: string) => {
      if (!me) return;
      if (me.via === 'cookie') {
        // A cookie session keeps its current organisation on the server (so event streams and
        // downloads, which carry no custom header, act in it too).
        setOrgOverride(null);
        apply({ status: 'ready', me: await teamApi.switchOrg(orgId) });
      } else {
        setOrgOverride(orgId === me.user.id ? null : orgId);
        await reload();
      }
      localStorage.removeItem('spawnai.sessions');
    },
    [me, apply, reload],
  );
  const signOut = useCallback(async () => {
    const { redirectTo } = await teamApi.signOut();
    setCsrfToken(null);
    window.location.assign(redirectTo);
  }, []);
  const value = useMemo<MeContextValue>(
    () => ({ state, me, orgId: me?.currentOrgId ?? null, switchOrg, signOut, reload }),
    [state, me, switchOrg, signOut, reload],
  );
  return <MeContext value={value}>{children}</MeContext>;
}

export function useMe(): MeContextValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe() must be used inside <MeProvider>');
  return value;
}
