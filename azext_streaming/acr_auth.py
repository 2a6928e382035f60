"""ACR data-plane tokens: one AAD -> ACR exchange per registry, access tokens cached per repository and scope.

A command makes one exchange however many images it touches. Access tokens are asked for with the least
privilege the call needs, and a cached token whose actions cover the request is reused. Tokens are kept in
memory only, and nothing here logs or formats them.
"""

import threading
import time
from collections import defaultdict

from azure.cli.core.azclierror import UnauthorizedError

from ._errors import AcrResponseError

# ACR refresh tokens live about 3 h and access tokens 75 min; renew well before either ends.
REFRESH_TOKEN_RENEW_AFTER = 150 * 60
ACCESS_TOKEN_RENEW_AFTER = 60 * 60


def scope_for(repository, actions):
    return "repository:{}:{}".format(repository, ",".join(actions))


class AcrTokenProvider:
    """Hands out ACR access tokens. Safe to share between the threads of one command."""

    def __init__(self, login_server, aad_token_source, post_form, clock=time.monotonic):
        """`aad_token_source()` returns (aad_access_token, tenant_id); `post_form(path, data)` returns the
        decoded JSON answer of an unauthenticated form POST to the registry or raises AcrResponseError."""
        self.login_server = login_server
        self._aad_token_source = aad_token_source
        self._post_form = post_form
        self._clock = clock
        self._refresh_lock = threading.Lock()
        self._refresh_token = None
        self._refresh_obtained = None
        self._access = {}  # (repository, frozenset(actions)) -> (token, obtained_at)
        self._access_lock = threading.Lock()
        self._key_locks = defaultdict(threading.Lock)
        self.exchange_count = 0
        self.token_request_count = 0

    def access_token(self, repository, actions):
        wanted = frozenset(actions)
        cached = self._cached(repository, wanted)
        if cached:
            return cached
        with self._lock_for(repository, wanted):
            cached = self._cached(repository, wanted)
            if cached:
                return cached
            token = self._request_access_token(repository, actions)
            with self._access_lock:
                self._access[(repository, wanted)] = (token, self._clock())
            return token

    def invalidate(self, repository):
        """Forget the access tokens of one repository, after the registry answered 401."""
        with self._access_lock:
            for key in [k for k in self._access if k[0] == repository]:
                del self._access[key]

    def _cached(self, repository, wanted):
        now = self._clock()
        with self._access_lock:
            for (repo, actions), (token, obtained) in self._access.items():
                if repo == repository and wanted <= actions and now - obtained < ACCESS_TOKEN_RENEW_AFTER:
                    return token
        return None

    def _lock_for(self, repository, wanted):
        with self._access_lock:
            return self._key_locks[(repository, wanted)]

    def _request_access_token(self, repository, actions):
        data = {"grant_type": "refresh_token", "service": self.login_server,
                "scope": scope_for(repository, actions)}
        for attempt in range(2):
            data["refresh_token"] = self._current_refresh_token(force=attempt > 0)
            self.token_request_count += 1
            try:
                answer = self._post_form("/oauth2/token", data)
            except AcrResponseError as ex:
                # A refresh token can expire during a long wait: exchange again, once.
                if ex.status_code == 401 and attempt == 0:
                    continue
                raise
            token = (answer or {}).get("access_token")
            if token:
                return token
        raise UnauthorizedError("The registry {} issued no access token for {}.".format(
            self.login_server, scope_for(repository, actions)))

    def _current_refresh_token(self, force):
        with self._refresh_lock:
            fresh = (self._refresh_token is not None and
                     self._clock() - self._refresh_obtained < REFRESH_TOKEN_RENEW_AFTER)
            if fresh and not force:
                return self._refresh_token
            aad_token, tenant = self._aad_token_source()
            data = {"grant_type": "access_token", "service": self.login_server, "access_token": aad_token}
            if tenant:
                data["tenant"] = tenant
            self.exchange_count += 1
            answer = self._post_form("/oauth2/exchange", data)
            token = (answer or {}).get("refresh_token")
            if not token:
                error = UnauthorizedError("The registry {} did not accept the Azure AD token.".format(
                    self.login_server))
                error.set_recommendation("Run 'az login' and check that you hold AcrPull (reads) or AcrPush "
                                         "(writes) on the registry.")
                raise error
            self._refresh_token = token
            self._refresh_obtained = self._clock()
            return token
