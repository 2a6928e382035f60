"""Opening a registry for one command: resolve it, check it, and build its single data-plane client."""

from azure.cli.core.azclierror import InvalidArgumentValueError, ValidationError

from ._constants import ACR_AAD_SCOPE, STATUS_CANCELED, STATUS_FAILED
from ._errors import OperationFailedError, WaitTimeoutError, with_fix
from .acr_client import AcrDataClient
from .conversion import failure_code
from .registry import require_streaming_capable, resolve_registry


def aad_token_source(cli_ctx, subscription_id):
    def get_token():
        from azure.cli.core._profile import Profile
        creds, _, tenant = Profile(cli_ctx=cli_ctx).get_raw_token(subscription=subscription_id,
                                                                  scopes=[ACR_AAD_SCOPE])
        return creds[1], tenant
    return get_token


def registry_value(registry_arg, images=()):
    """What names the registry: --registry, else the login server the image references carry."""
    return registry_arg or next((i.login_server for i in images if i.login_server), None)


def require_same_registry(registry, images):
    other = sorted({i.login_server for i in images if i.login_server} - {registry.login_server.lower()})
    if other:
        raise with_fix(InvalidArgumentValueError(
            "Image references name registry {} but --registry is {}.".format(", ".join(other),
                                                                              registry.login_server)),
            "Give images of one registry per command, or drop the login server from the image references.")


def data_client(cli_ctx, registry):
    """The one data-plane client (and so the one token exchange) of a command for `registry`."""
    return AcrDataClient(registry.login_server, aad_token_source(cli_ctx, registry.subscription_id))


def open_registry(cmd, registry_arg, images=(), for_show=False, for_write=False):
    """Resolve `--registry` (or the images' login server) and return (Registry, AcrDataClient)."""
    registry = resolve_registry(cmd.cli_ctx, registry_value(registry_arg, images), for_show=for_show)
    require_same_registry(registry, images)
    if for_write:
        require_streaming_capable(registry)
    return registry, data_client(cmd.cli_ctx, registry)


def missing_images_error(registry, states):
    missing = [s for s in states if not s.found]
    if not missing:
        return None
    names = ", ".join(str(s.ref) for s in missing)
    first = missing[0].ref
    return with_fix(ValidationError("Not found in registry {}: {}.".format(registry.name, names)),
                    "List the tags with: az acr repository show-tags -n {} --repository {} -o table".format(
                        registry.name, first.repository))


def conversion_outcome_error(registry, states, still_running, timeout):
    """The error a command exits with after printing its result, or None when every image streams."""
    failed = [s for s in states if s.status in (STATUS_FAILED, STATUS_CANCELED)]
    if failed:
        parts = ["{} {}{}".format(s.ref, s.status, " ({})".format(s.details) if s.details else "") for s in failed]
        codes = {failure_code(s.details) for s in failed}
        if codes & {"UNSUPPORTED_PLATFORM", "NO_SUPPORTED_PLATFORM_FOUND"}:
            fix = "Only linux/amd64 images stream: rebuild with 'docker buildx build --platform linux/amd64'."
        else:
            fix = "Retry with: az streaming image create -r {} {}".format(
                registry.name, " ".join("-t {}".format(s.ref) for s in failed))
        return with_fix(OperationFailedError("Conversion did not succeed: {}.".format("; ".join(parts))), fix)
    if still_running:
        images = " ".join("-t {}".format(s.ref) for s in still_running)
        return with_fix(WaitTimeoutError("Conversions still running after {} s: {}.".format(
            timeout, ", ".join(str(s.ref) for s in still_running))),
            "Keep waiting with: az streaming image wait -r {} {}".format(registry.name, images))
    return None
