"""The ACR data-plane client: artifact streaming, tags, manifests and referrers over HTTPS.

One instance per registry per command. Every request has a timeout; 429, 5xx and connection errors are
retried a bounded number of times, honouring Retry-After; a 401 renews the token once and carries on.
"""

import re
import time

from azure.cli.core.azclierror import AzureConnectionError
from knack.log import get_logger

from ._constants import (AcrPaths, CONVERSION_FORMAT, CONVERSION_VERSION, MANIFEST_MEDIA_TYPES, READ_ACTIONS,
                         STREAMING_ARTIFACT_TYPE, WRITE_ACTIONS)
from ._errors import AcrResponseError, with_fix
from .acr_auth import AcrTokenProvider
from .deadline import Backoff, retry_after_seconds

logger = get_logger(__name__)

REQUEST_TIMEOUT = (10, 60)  # (connect, read) seconds
MAX_ATTEMPTS = 5
# A Retry-After longer than this is not waited out inside one request: the error is reported instead.
MAX_RETRY_WAIT = 120
_LINK_NEXT_RE = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')
_CORRELATION_HEADERS = ("x-ms-correlation-request-id", "x-ms-request-id")


def _correlation_id(response):
    for header in _CORRELATION_HEADERS:
        if response.headers.get(header):
            return response.headers.get(header)
    return None


def error_from_response(response, login_server):
    """Turn an ACR error answer into AcrResponseError with the server's code and message only."""
    code = message = None
    try:
        body = response.json()
        first = (body.get("errors") or [{}])[0] if isinstance(body, dict) else {}
        code, message = first.get("code"), first.get("message")
    except ValueError:
        pass
    status = response.status_code
    message = message or "HTTP {}".format(status)
    error = AcrResponseError("Registry {} answered {}: {}".format(login_server, status, message),
                             status_code=status, error_code=code, correlation_id=_correlation_id(response))
    if status == 401:
        with_fix(error, "Run 'az login' again; check the account can reach registry {}.".format(login_server))
    elif status == 403:
        with_fix(error, "Reads need the AcrPull role on the registry and writes AcrPush: "
                        "az role assignment create --role AcrPush --assignee <you> --scope <registry id>")
    return error


class AcrDataClient:
    def __init__(self, login_server, aad_token_source, session=None, sleep=None,
                 max_attempts=MAX_ATTEMPTS, user_agent=None):
        if session is None:
            import requests
            session = requests.Session()
        self.login_server = login_server
        self._session = session
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))  # looked up late, for test patches
        self._max_attempts = max_attempts
        self._user_agent = user_agent
        self.tokens = AcrTokenProvider(login_server, aad_token_source, self._post_form)

    # ---- transport -------------------------------------------------------------------------------------
    def _url(self, path):
        return path if path.startswith("https://") else "https://{}{}".format(self.login_server, path)

    def _send(self, method, path, auth=None, headers=None, **kwargs):
        """Send with retries. `auth` is (repository, actions) for a bearer token, or None."""
        backoff = Backoff(initial=1.0, maximum=30.0, factor=2.0)
        renewed = False
        attempt = 0
        while True:
            attempt += 1
            sent_headers = dict(headers or {})
            if self._user_agent:
                sent_headers["User-Agent"] = self._user_agent
            if auth:
                sent_headers["Authorization"] = "Bearer " + self.tokens.access_token(*auth)
            try:
                response = self._session.request(method, self._url(path), headers=sent_headers,
                                                 timeout=REQUEST_TIMEOUT, **kwargs)
            except _connection_errors() as ex:
                if attempt >= self._max_attempts:
                    raise with_fix(AzureConnectionError("Could not reach registry {}: {}".format(
                        self.login_server, type(ex).__name__)), "Check the network and retry the command.")
                self._sleep(backoff.next_delay())
                continue
            status = response.status_code
            logger.debug("ACR %s %s -> %s", method, path.split("?")[0], status)
            if status == 401 and auth and not renewed:
                renewed = True
                self.tokens.invalidate(auth[0])
                continue
            if status == 429 or status >= 500:
                delay = retry_after_seconds(response.headers, backoff.next_delay())
                if attempt < self._max_attempts and delay <= MAX_RETRY_WAIT:
                    logger.info("Registry %s answered %s; retrying in %.0f s", self.login_server, status, delay)
                    self._sleep(delay)
                    continue
            if status >= 400:
                raise error_from_response(response, self.login_server)
            return response

    def _post_form(self, path, data):
        return self._send("POST", path, data=data).json()

    def _get_json(self, path, repository, actions=READ_ACTIONS, params=None, headers=None):
        return self._send("GET", path, auth=(repository, actions), params=params, headers=headers).json()

    def _paged(self, path, repository, key, params=None, actions=READ_ACTIONS):
        items = []
        next_path, next_params = path, params
        while next_path:
            response = self._send("GET", next_path, auth=(repository, actions), params=next_params)
            items.extend((response.json() or {}).get(key) or [])
            match = _LINK_NEXT_RE.search(response.headers.get("Link") or "")
            next_path, next_params = (match.group(1), None) if match else (None, None)
        return items

    # ---- images ----------------------------------------------------------------------------------------
    def get_tag(self, repository, tag):
        return (self._get_json(AcrPaths.tag(repository, tag), repository) or {}).get("tag") or {}

    def get_manifest_metadata(self, repository, digest):
        body = self._get_json(AcrPaths.manifest_metadata(repository, digest), repository) or {}
        return body.get("manifest") or body

    def list_tags(self, repository):
        return self._paged(AcrPaths.tags(repository), repository, "tags")

    def get_manifest(self, repository, reference):
        """The manifest (or index) document and its digest."""
        response = self._send("GET", AcrPaths.manifest(repository, reference), auth=(repository, ("pull",)),
                              headers={"Accept": ", ".join(MANIFEST_MEDIA_TYPES)})
        return response.json(), response.headers.get("Docker-Content-Digest")

    def list_streaming_referrers(self, repository, digest):
        return self._paged(AcrPaths.referrers(repository, digest), repository, "manifests",
                           params={"artifactType": STREAMING_ARTIFACT_TYPE}, actions=("pull",))

    # ---- conversions -----------------------------------------------------------------------------------
    def get_last_conversion(self, repository, digest):
        """The image's most recent conversion operation, or None when it never had one."""
        try:
            return self._get_json(AcrPaths.image_streaming(repository, digest), repository, actions=("pull",))
        except AcrResponseError as ex:
            if ex.status_code == 404:
                return None
            raise

    def start_conversion(self, repository, digest):
        body = {"conversionFormat": CONVERSION_FORMAT, "conversionVersion": CONVERSION_VERSION}
        return self._send("POST", AcrPaths.image_streaming(repository, digest), auth=(repository, WRITE_ACTIONS),
                          json=body).json()

    def get_operation(self, repository, operation_id):
        return self._get_json(AcrPaths.operation(repository, operation_id), repository, actions=("pull",))

    def cancel_operation(self, repository, operation_id):
        return self._send("POST", AcrPaths.cancel_operation(repository, operation_id),
                          auth=(repository, WRITE_ACTIONS)).json()

    # ---- repositories ----------------------------------------------------------------------------------
    def get_repository_streaming(self, repository):
        return self._get_json(AcrPaths.repository_streaming(repository), repository, actions=("pull",))

    def set_repository_streaming(self, repository, enabled):
        body = {"convertPushedImages": bool(enabled), "conversionFormat": CONVERSION_FORMAT,
                "conversionVersion": CONVERSION_VERSION}
        return self._send("POST", AcrPaths.repository_streaming(repository), auth=(repository, WRITE_ACTIONS),
                          json=body).json()


def _connection_errors():
    import requests
    return (requests.ConnectionError, requests.Timeout)
