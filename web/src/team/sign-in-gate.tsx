import type { ReactNode } from 'react';
import { useConfig } from '../hooks/use-config.ts';
import { useMe } from './me-context.tsx';
import { SignInPage } from './sign-in-page.tsx';

/** The sign-in page when the server answers /api/me with 401; the app otherwise (also while asking). */
export function SignInGate({ children }: { children: ReactNode }) {
  const { state } = useMe();
  const config = useConfig();
  if (state.status === 'signed-out') return <SignInPage config={config} />;
  return children;
}
