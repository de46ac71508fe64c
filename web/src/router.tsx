import type { RouteObject } from 'react-router';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { ConfirmSignupPage } from './pages/signup/ConfirmSignupPage';
import { SignupPage } from './pages/signup/SignupPage';
import { appRoutes } from './routes';
import { AppShell } from './shell/AppShell';

/** The whole route tree: /login and signup outside the shell, every `appRoutes` entry inside it. */
export const routeObjects: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/signup/confirm', element: <ConfirmSignupPage /> },
  {
    element: <AppShell />,
    children: [
      ...appRoutes.map(({ path, element }) => ({ path, element })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
