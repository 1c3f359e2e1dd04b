import { useCallback, useState } from 'react';
import { Board } from './Board.tsx';
import { unitIdFromLocation } from './counts.ts';
import { LoginForm } from './LoginForm.tsx';
import { clearScreenToken, getScreenToken, saveScreenToken } from './session.ts';

const unitFromAddress = unitIdFromLocation(window.location.pathname, window.location.search);

/** The sign-in form until the screen has a token; the board from then on. */
export const ScreenApp = () => {
  const [token, setToken] = useState(getScreenToken);
  const [signedOut, setSignedOut] = useState(false);

  const signIn = useCallback((next: string) => {
    saveScreenToken(next);
    setSignedOut(false);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    clearScreenToken();
    setSignedOut(true);
    setToken(null);
  }, []);

  if (token === null) return <LoginForm onSignedIn={signIn} expired={signedOut} />;
  return <Board key={token} token={token} unitId={unitFromAddress} onSignedOut={signOut} />;
};
