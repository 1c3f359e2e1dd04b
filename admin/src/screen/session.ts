// The screen keeps its own sign-in, apart from the panel's: a staff member using the panel in the same
// browser neither signs the screen out nor lends it their (personal-data-seeing) token.
const TOKEN_KEY = 'wishgrid.screen.token';

export const getScreenToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export const saveScreenToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);

export const clearScreenToken = (): void => localStorage.removeItem(TOKEN_KEY);
