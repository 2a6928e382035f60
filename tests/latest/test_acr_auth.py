import threading
from urllib.parse import parse_qs

import pytest

from azext_streaming._errors import AcrResponseError
from azext_streaming.acr_auth import ACCESS_TOKEN_RENEW_AFTER, AcrTokenProvider

from .fakes import FakeClock


class FakeRegistry:
    """Answers /oauth2/exchange and /oauth2/token like ACR, counting calls."""

    def __init__(self):
        self.calls = []
        self.reject_refresh_tokens = set()
        self.lock = threading.Lock()

    def post_form(self, path, data):
        with self.lock:
            self.calls.append((path, dict(data)))
            n = len(self.calls)
        if path == "/oauth2/exchange":
            return {"refresh_token": "refresh-{}".format(n)}
        if data["refresh_token"] in self.reject_refresh_tokens:
            raise AcrResponseError("expired", status_code=401)
        return {"access_token": "access-{}-{}".format(data["scope"], n)}

    def count(self, path):
        return sum(1 for p, _ in self.calls if p == path)



def make(registry, clock=None):
    return AcrTokenProvider("myreg.azurecr.io", lambda: ("aad", "tenant-1"), registry.post_form,
                            clock=clock or FakeClock())


def test_one_exchange_and_one_token_per_repository_scope():
    registry = FakeRegistry()
    tokens = make(registry)
    first = tokens.access_token("app", ("metadata_read", "pull"))
    assert tokens.access_token("app", ("metadata_read", "pull")) == first
    tokens.access_token("web", ("metadata_read", "pull"))
    assert registry.count("/oauth2/exchange") == 1
    assert registry.count("/oauth2/token") == 2
    exchange = registry.calls[0][1]
    assert exchange == {"grant_type": "access_token", "service": "myreg.azurecr.io", "access_token": "aad",
                        "tenant": "tenant-1"}


def test_a_broader_token_serves_a_narrower_request_but_not_the_reverse():
    registry = FakeRegistry()
    tokens = make(registry)
    write = tokens.access_token("app", ("pull", "push"))
    assert tokens.access_token("app", ("pull",)) == write
    read = tokens.access_token("app", ("metadata_read", "pull"))
    assert read != write
    scopes = [data["scope"] for path, data in registry.calls if path == "/oauth2/token"]
    assert scopes == ["repository:app:pull,push", "repository:app:metadata_read,pull"]


def test_concurrent_requests_share_one_exchange_and_one_token():
    registry = FakeRegistry()
    tokens = make(registry)
    results = []
    threads = [threading.Thread(target=lambda: results.append(tokens.access_token("app", ("pull",))))
               for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    assert registry.count("/oauth2/exchange") == 1
    assert registry.count("/oauth2/token") == 1


def test_expired_access_tokens_are_renewed_and_invalidate_forgets_a_repository():
    registry, clock = FakeRegistry(), FakeClock()
    tokens = make(registry, clock)
    first = tokens.access_token("app", ("pull",))
    clock.now += ACCESS_TOKEN_RENEW_AFTER + 1
    second = tokens.access_token("app", ("pull",))
    assert second != first
    tokens.invalidate("app")
    assert tokens.access_token("app", ("pull",)) not in (first, second)
    assert registry.count("/oauth2/exchange") == 1


def test_a_rejected_refresh_token_triggers_one_new_exchange():
    registry = FakeRegistry()
    tokens = make(registry)
    tokens.access_token("app", ("pull",))
    registry.reject_refresh_tokens.add("refresh-1")
    tokens.invalidate("app")
    assert tokens.access_token("app", ("pull",))
    assert registry.count("/oauth2/exchange") == 2


def test_token_requests_fail_after_one_renewal():
    registry = FakeRegistry()
    tokens = make(registry)
    registry.reject_refresh_tokens.update({"refresh-1", "refresh-3"})
    with pytest.raises(AcrResponseError):
        tokens.access_token("app", ("pull",))
    assert registry.count("/oauth2/exchange") == 2


def test_scope_is_sent_form_encoded_without_tokens_in_the_scope():
    registry = FakeRegistry()
    make(registry).access_token("team/app", ("pull", "push"))
    sent = registry.calls[1][1]
    assert parse_qs("scope=" + sent["scope"])["scope"] == ["repository:team/app:pull,push"]
    assert sent["refresh_token"] == "refresh-1"
