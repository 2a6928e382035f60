"""The data-plane client's retry, renewal and error rules, against a fake HTTP session."""

import logging

import pytest
import requests

from azext_streaming._errors import AcrResponseError
from azext_streaming.acr_client import MAX_ATTEMPTS, AcrDataClient

SECRET_AAD = "aad-secret-value"


class FakeResponse:
    def __init__(self, status, body=None, headers=None):
        self.status_code = status
        self._body = body
        self.headers = requests.structures.CaseInsensitiveDict(headers or {})

    def json(self):
        if self._body is None:
            raise ValueError("no body")
        return self._body


class FakeSession:
    """Plays scripted answers per path; token endpoints always succeed."""

    def __init__(self, script):
        self.script = {path: list(answers) for path, answers in script.items()}
        self.sent = []

    def request(self, method, url, headers=None, timeout=None, **kwargs):
        path = url.split("azurecr.io", 1)[1]
        self.sent.append((method, path, dict(headers or {}), timeout, kwargs))
        if path == "/oauth2/exchange":
            return FakeResponse(200, {"refresh_token": "secret-refresh"})
        if path == "/oauth2/token":
            return FakeResponse(200, {"access_token": "secret-access-{}".format(len(self.sent))})
        answer = self.script[path].pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def calls_to(self, path):
        return [s for s in self.sent if s[1] == path]


def make(script, sleeps):
    session = FakeSession(script)
    client = AcrDataClient("myreg.azurecr.io", lambda: (SECRET_AAD, "t"), session=session, sleep=sleeps.append)
    return client, session


OP = "/acr/v1/app/_operations/op1"


def test_every_request_has_a_timeout_and_a_bearer_token():
    sleeps = []
    client, session = make({OP: [FakeResponse(200, {"status": "Running"})]}, sleeps)
    assert client.get_operation("app", "op1") == {"status": "Running"}
    method, path, headers, timeout, _ = session.calls_to(OP)[0]
    assert timeout is not None and all(timeout)
    assert headers["Authorization"].startswith("Bearer secret-access-")
    assert all(s[3] for s in session.sent)


def test_429_and_5xx_are_retried_honouring_retry_after():
    sleeps = []
    client, session = make({OP: [FakeResponse(429, headers={"Retry-After": "4"}),
                                 FakeResponse(503, headers={"Retry-After": "2"}),
                                 FakeResponse(500),
                                 FakeResponse(200, {"status": "Succeeded"})]}, sleeps)
    assert client.get_operation("app", "op1")["status"] == "Succeeded"
    assert sleeps[:2] == [4.0, 2.0] and len(sleeps) == 3


def test_retries_are_bounded():
    sleeps = []
    client, _ = make({OP: [FakeResponse(503)] * MAX_ATTEMPTS}, sleeps)
    with pytest.raises(AcrResponseError) as error:
        client.get_operation("app", "op1")
    assert error.value.status_code == 503
    assert len(sleeps) == MAX_ATTEMPTS - 1


def test_an_overlong_retry_after_is_reported_not_waited_out():
    sleeps = []
    client, _ = make({OP: [FakeResponse(429, headers={"Retry-After": "3600"})]}, sleeps)
    with pytest.raises(AcrResponseError):
        client.get_operation("app", "op1")
    assert sleeps == []


def test_connection_errors_are_retried():
    sleeps = []
    client, _ = make({OP: [requests.ConnectionError("reset"), FakeResponse(200, {"status": "Running"})]}, sleeps)
    assert client.get_operation("app", "op1")["status"] == "Running"
    assert len(sleeps) == 1


def test_401_renews_the_token_once_then_gives_up():
    sleeps = []
    client, session = make({OP: [FakeResponse(401), FakeResponse(200, {"status": "Running"})]}, sleeps)
    assert client.get_operation("app", "op1")["status"] == "Running"
    assert len(session.calls_to("/oauth2/token")) == 2
    client, session = make({OP: [FakeResponse(401), FakeResponse(401)]}, sleeps)
    with pytest.raises(AcrResponseError) as error:
        client.get_operation("app", "op1")
    assert error.value.status_code == 401 and "az login" in error.value.recommendations[0]


def test_errors_carry_code_message_and_correlation_id_but_no_secret(caplog):
    sleeps = []
    body = {"errors": [{"code": "DENIED", "message": "requested access to the resource is denied"}]}
    client, _ = make({OP: [FakeResponse(403, body, {"x-ms-correlation-request-id": "corr-42"})]}, sleeps)
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(AcrResponseError) as error:
            client.get_operation("app", "op1")
    text = str(error.value) + " ".join(error.value.recommendations)
    assert "DENIED" in text and "denied" in text and "corr-42" in text and "AcrPush" in text
    assert error.value.error_code == "DENIED" and error.value.correlation_id == "corr-42"
    for secret in (SECRET_AAD, "secret-refresh", "secret-access"):
        assert secret not in text
        assert secret not in caplog.text
    assert "/acr/v1/app/_operations/op1" in caplog.text


def test_missing_last_conversion_is_none_and_other_errors_raise():
    sleeps = []
    path = "/acr/v1/app/_streaming/sha256:x"
    unknown = {"errors": [{"code": "OPERATION_UNKNOWN", "message": "The specified operation does not exist"}]}
    client, _ = make({path: [FakeResponse(404, unknown), FakeResponse(400, None)]}, sleeps)
    assert client.get_last_conversion("app", "sha256:x") is None
    with pytest.raises(AcrResponseError) as error:
        client.get_last_conversion("app", "sha256:x")
    assert error.value.status_code == 400


def test_tag_listing_follows_link_paging():
    sleeps = []
    first = FakeResponse(200, {"tags": [{"name": "a"}]}, {"Link": '</acr/v1/app/_tags?last=a&n=1>; rel="next"'})
    client, session = make({"/acr/v1/app/_tags": [first],
                            "/acr/v1/app/_tags?last=a&n=1": [FakeResponse(200, {"tags": [{"name": "b"}]})]},
                           sleeps)
    assert [t["name"] for t in client.list_tags("app")] == ["a", "b"]
