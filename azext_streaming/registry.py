"""Finding the registry in ARM (name, login server or resource ID) and checking it can stream."""

from dataclasses import dataclass
from typing import Optional

from azure.cli.core.azclierror import InvalidArgumentValueError

from ._constants import ACR_MGMT_API_VERSION
from ._errors import PreconditionError, not_found, with_fix

_LOGIN_SUFFIXES = (".azurecr.io", ".azurecr.cn", ".azurecr.us")


@dataclass(frozen=True)
class Registry:
    name: str
    id: str
    resource_group: str
    subscription_id: str
    login_server: str
    sku: str
    cmk_encrypted: bool

    def summary(self):
        return {"name": self.name, "loginServer": self.login_server, "sku": self.sku}


def _from_arm(raw):
    from azure.mgmt.core.tools import parse_resource_id
    parts = parse_resource_id(raw["id"])
    properties = raw.get("properties") or {}
    encryption = (properties.get("encryption") or {}).get("status") or ""
    return Registry(name=raw["name"], id=raw["id"], resource_group=parts.get("resource_group"),
                    subscription_id=parts.get("subscription"), login_server=properties.get("loginServer"),
                    sku=(raw.get("sku") or {}).get("name") or "Unknown",
                    cmk_encrypted=str(encryption).lower() == "enabled")


def _client(cli_ctx, subscription_id=None):
    from azure.cli.core.commands.client_factory import get_mgmt_service_client
    from azure.mgmt.containerregistry import ContainerRegistryManagementClient
    return get_mgmt_service_client(cli_ctx, ContainerRegistryManagementClient, subscription_id=subscription_id,
                                   api_version=ACR_MGMT_API_VERSION)


def _as_dict(model):
    return model.as_dict() if hasattr(model, "as_dict") else dict(model)


def resolve_registry(cli_ctx, value, for_show=False):
    """Find the registry named by `value`: a name, a login server or an ARM resource ID."""
    text = (value or "").strip()
    if text.lower().startswith("/subscriptions/"):
        return _by_resource_id(cli_ctx, text, for_show)
    host = text.lower().rstrip("/")
    if host.startswith("https://"):
        host = host[len("https://"):]
    name = host
    for suffix in _LOGIN_SUFFIXES:
        if host.endswith(suffix):
            name = host[:-len(suffix)]
            break
    if not name or "/" in name:
        raise with_fix(InvalidArgumentValueError("'{}' is not a registry name, login server or resource ID."
                                                 .format(value)),
                       "Use --registry myregistry, myregistry.azurecr.io or the registry's resource ID.")
    # One paged list finds the registry and brings its SKU and encryption, with no second GET.
    for registry in _client(cli_ctx).registries.list():
        raw = _as_dict(registry)
        login = ((raw.get("properties") or {}).get("loginServer") or "").lower()
        if raw.get("name", "").lower() == name or login == host:
            return _from_arm(raw)
    raise _registry_not_found(value, for_show)


def _by_resource_id(cli_ctx, resource_id, for_show):
    from azure.core.exceptions import ResourceNotFoundError as SdkNotFound
    from azure.mgmt.core.tools import is_valid_resource_id, parse_resource_id
    parts = parse_resource_id(resource_id) if is_valid_resource_id(resource_id) else {}
    if parts.get("namespace", "").lower() != "microsoft.containerregistry" or not parts.get("name"):
        raise with_fix(InvalidArgumentValueError("'{}' is not a container registry resource ID.".format(
            resource_id)), "Copy the ID from: az acr show -n <registry> --query id -o tsv")
    try:
        registry = _client(cli_ctx, parts["subscription"]).registries.get(parts["resource_group"], parts["name"])
    except SdkNotFound:
        raise _registry_not_found(resource_id, for_show) from None
    return _from_arm(_as_dict(registry))


def _registry_not_found(value, for_show):
    return not_found("Registry '{}' was not found in the current subscription.".format(value),
                     "Check the name with 'az acr list -o table', or switch subscription with "
                     "'az account set -s <subscription>'.", for_show)


def streaming_problem(registry: Registry):
    """(finding code, message, fix) saying why the registry cannot hold streaming artifacts, or None."""
    if registry.sku.lower() != "premium":
        return ("RegistryNotPremium",
                "Registry '{}' is {} SKU; artifact streaming needs the Premium SKU.".format(registry.name, registry.sku),
                "az acr update -n {} --sku Premium".format(registry.name))
    if registry.cmk_encrypted:
        return ("RegistryCmkEncrypted",
                "Registry '{}' is encrypted with a customer-managed key, which artifact streaming does not "
                "support.".format(registry.name),
                "Use a Premium registry without customer-managed key encryption, e.g. "
                "az acr create -n <new-registry> -g {} --sku Premium".format(registry.resource_group))
    return None


def streaming_blocker(registry: Registry) -> Optional[PreconditionError]:
    """The error a write command raises for a registry that cannot stream, or None when it can."""
    problem = streaming_problem(registry)
    if problem is None:
        return None
    _, message, fix = problem
    return with_fix(PreconditionError(message), fix)


def require_streaming_capable(registry: Registry):
    blocker = streaming_blocker(registry)
    if blocker:
        raise blocker
