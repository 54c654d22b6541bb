// The signed-in staff member of this browser tab: the token from POST /api/auth/login, kept in
// sessionStorage (one per tab, gone when the tab closes). Every screen starts by asking for it;
// without one, or when the server says the token has ended (401), the tab goes back to the
// sign-in page with a sentence saying why.

const SESSION_KEY = 'cafe-pos.staff.session';
const NOTICE_KEY = 'cafe-pos.staff.notice';

/** The screens of the console, in menu order, and the roles that may open each. */
export const SCREENS = [
  { id: 'till', label: 'Till', href: 'till.html', roles: ['cashier', 'manager', 'admin'] },
  { id: 'kitchen', label: 'Kitchen', href: 'kitchen.html', roles: ['barista', 'manager', 'admin'] },
  { id: 'menu', label: 'Menu', href: 'menu.html', roles: ['barista', 'manager', 'admin'] },
  { id: 'shifts', label: 'Shifts', href: 'shifts.html', roles: ['cashier', 'manager', 'admin'] },
  { id: 'reports', label: 'Reports', href: 'reports.html', roles: ['manager', 'admin'] },
  { id: 'staff', label: 'Staff', href: 'staff.html', roles: ['manager', 'admin'] },
  { id: 'tables', label: 'Tables', href: 'tables.html', roles: ['manager', 'admin'] },
  { id: 'audit', label: 'Audit', href: 'audit.html', roles: ['manager', 'admin'] },
];

/** `{token, expiresAt, staff: {id, username, display_name, role}}`, or null when signed out
 *  or expired. */
export function currentSession() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  if (!saved?.token || !saved.staff) return null;
  if (saved.expiresAt && Date.parse(saved.expiresAt) <= Date.now()) return null;
  return saved;
}

export function saveSession({ token, expires_at: expiresAt, staff }) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, expiresAt, staff }));
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The screens `role` may open. */
export function screensFor(role) {
  return SCREENS.filter((screen) => screen.roles.includes(role));
}

/** Where `role` lands after signing in: its first screen. */
export function homeFor(role) {
  return screensFor(role)[0]?.href ?? 'index.html';
}

/** Ends the tab's session and opens the sign-in page, which shows `notice`. While the page is
 *  on its way there (no session, a notice not yet shown), the first reason stands: a request the
 *  screen still makes meanwhile (a poll) must not turn "You are signed out." into "Please sign in.". */
export function endSession(notice) {
  const leaving = !currentSession() && sessionStorage.getItem(NOTICE_KEY) !== null;
  clearSession();
  if (notice && !leaving) sessionStorage.setItem(NOTICE_KEY, notice);
  location.assign('index.html');
}

/** The sentence the last endSession left for the sign-in page (read once). */
export function takeNotice() {
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}
