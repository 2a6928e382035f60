"""Typed errors of the extension, all built on azure.cli.core.azclierror.

Messages carry the server's error code, message and correlation id, never a request, header or token.
"""

from azure.cli.core.azclierror import (AzureResponseError, ResourceNotFoundError, UserFault,
                                       ValidationError)

# Where a command has printed its result but must still exit non-zero, the error waits here (on the
# invocation, which every copy of the command context shares) until the result is on stdout.
_DEFERRED_ERROR_KEY = "streaming_deferred_error"


class AcrResponseError(AzureResponseError):
    """An ACR data-plane call failed. Keeps what the service said so callers can branch on it."""

    def __init__(self, message, status_code=None, error_code=None, correlation_id=None):
        detail = message
        if error_code:
            detail = "{} ({})".format(message, error_code)
        if correlation_id:
            detail = "{} [correlation id: {}]".format(detail, correlation_id)
        super().__init__(detail)
        self.status_code = status_code
        self.error_code = error_code
        self.service_message = message
        self.correlation_id = correlation_id


class WaitTimeoutError(UserFault):
    """The deadline passed before the awaited operations finished."""


class OperationFailedError(AzureResponseError):
    """An awaited operation ended Failed or Canceled."""


class PreconditionError(ValidationError):
    """A precondition (SKU, encryption, pool OS, ...) rules the request out before anything is written."""


def with_fix(error, recommendation):
    error.set_recommendation(recommendation)
    return error


def not_found(message, recommendation, for_show):
    """`show` commands exit 3 when nothing is found (az convention); other verbs exit 1."""
    error_type = ResourceNotFoundError if for_show else ValidationError
    return with_fix(error_type(message), recommendation)


def defer_error(cmd, error):
    """Let the command return its result (printed on stdout), then fail with `error` (exit 1)."""
    cmd.cli_ctx.invocation.data[_DEFERRED_ERROR_KEY] = error


def raise_deferred_error(cli_ctx, **_):
    """EVENT_CLI_SUCCESSFUL_EXECUTE handler: raised after the output has been written."""
    invocation = getattr(cli_ctx, "invocation", None)
    data = getattr(invocation, "data", None) or {}
    error = data.pop(_DEFERRED_ERROR_KEY, None)
    if error is not None:
        raise error
