import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { isApiError, setUnauthorizedHandler } from '../api/client.ts';
import i18n from '../i18n/index.ts';
import { type Session, sessionKey } from '../modules/auth/api.ts';
import { FlashProvider } from '../ui/Flash.tsx';
import { router } from './router.tsx';

const PUBLIC_PATHS = ['/accesso', '/password-dimenticata', '/reimposta-password', '/accessibilita'];

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry only what may pass on a second try: network failures and server errors.
        retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // A 401 on any call: the session is over; go to sign-in and come back here afterwards.
    setUnauthorizedHandler(({ expired }) => {
      queryClient.setQueryData<Session>(sessionKey, { me: null, expired });
      const { pathname, search } = window.location;
      if (PUBLIC_PATHS.includes(pathname)) return;
      const next = encodeURIComponent(pathname + search);
      void router.navigate(`/accesso?next=${next}${expired ? '&scaduta=1' : ''}`, { replace: true });
    });
    // Messages of failed requests come from the server in the interface language: ask again in the new one.
    const onLanguage = () => void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    i18n.on('languageChanged', onLanguage);
    return () => i18n.off('languageChanged', onLanguage);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <FlashProvider>
        <RouterProvider router={router} />
      </FlashProvider>
    </QueryClientProvider>
  );
}
