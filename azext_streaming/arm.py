"""Plain ARM requests through the pipeline of an SDK client that az ships (auth, retries, Retry-After).

Sending raw requests through the SDK pipeline, rather than the SDK's own operations, gives us what the
operations hide: response headers (Azure-AsyncOperation), If-Match, and our own deadline while polling.
"""

from azure.cli.core.azclierror import (AzureResponseError, ForbiddenError, ResourceNotFoundError,
                                       UnauthorizedError)

from ._constants import AKS_MGMT_API_VERSION


class ArmResponseError(AzureResponseError):
    def __init__(self, message, status_code=None, error_code=None):
        super().__init__(message)
        self.status_code = status_code
        self.error_code = error_code


class ArmClient:
    def __init__(self, cli_ctx, subscription_id=None):
        from azure.cli.core.commands.client_factory import get_mgmt_service_client, get_subscription_id
        from azure.mgmt.containerservice import ContainerServiceClient
        self.subscription_id = subscription_id or get_subscription_id(cli_ctx)
        self._client = get_mgmt_service_client(cli_ctx, ContainerServiceClient, subscription_id=self.subscription_id,
                                               api_version=AKS_MGMT_API_VERSION)
        self._endpoint = cli_ctx.cloud.endpoints.resource_manager.rstrip("/")

    def send(self, method, path, api_version=None, body=None, headers=None, params=None):
        """Returns (status, headers, decoded JSON or None). Never raises for an HTTP status."""
        from azure.core.rest import HttpRequest
        url = path if path.startswith("https://") else self._endpoint + path
        query = dict(params or {})
        if api_version:
            query["api-version"] = api_version
        request = HttpRequest(method, url, params=query, json=body, headers=headers or {})
        response = self._client.send_request(request)
        try:
            payload = response.json() if response.text() else None
        except ValueError:
            payload = None
        return response.status_code, response.headers, payload

    def get(self, path, api_version, not_found=None, params=None):
        """GET that returns the JSON body; a 404 raises `not_found` when given, else returns None."""
        status, _, payload = self.send("GET", path, api_version, params=params)
        if status == 404:
            if not_found is not None:
                raise not_found
            return None
        raise_for_status(status, payload)
        return payload


def error_parts(payload):
    error = (payload or {}).get("error") or {}
    return error.get("code"), error.get("message")


def raise_for_status(status, payload, context=""):
    if status < 400:
        return
    code, message = error_parts(payload)
    text = "{}{} ({})".format(context + ": " if context else "", message or "HTTP {}".format(status), code or status)
    if status == 401:
        raise UnauthorizedError(text)
    if status == 403:
        raise ForbiddenError(text)
    if status == 404:
        raise ResourceNotFoundError(text)
    raise ArmResponseError(text, status_code=status, error_code=code)
