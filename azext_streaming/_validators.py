"""Command-level validators: cross-argument checks run before any request is sent.

Argument-level validators run in no fixed order, so everything that looks at more than one argument lives
in one validator per command.
"""

from azure.cli.core.azclierror import MutuallyExclusiveArgumentError, RequiredArgumentMissingError

from ._errors import with_fix
from .image_ref import parse_image, parse_repository

_REGISTRY_FIX = ("Name the registry with --registry/-r, prefix the image with its login server "
                 "(myregistry.azurecr.io/app:v1), or set a default: az configure --defaults acr=<registry>")


def _parse_images(namespace):
    values = getattr(namespace, "images", None)
    if values is None:
        value = getattr(namespace, "image", None)
        if value is not None and not hasattr(value, "repository"):
            namespace.image = parse_image(value)
        return [namespace.image] if value is not None else []
    parsed = []
    for value in values:
        ref = value if hasattr(value, "repository") else parse_image(value)
        if ref not in parsed:  # the same image twice is converted once
            parsed.append(ref)
    namespace.images = parsed
    return parsed


def _require_registry(namespace, images):
    if getattr(namespace, "registry", None):
        return
    if images and all(i.login_server for i in images):
        return
    raise with_fix(RequiredArgumentMissingError("The registry is not known: --registry/-r is required."),
                   _REGISTRY_FIX)


def validate_images_command(namespace):
    """For commands taking `-r` and `-t` (repeatable or single)."""
    _require_registry(namespace, _parse_images(namespace))


def validate_repository_command(namespace):
    namespace.repository = parse_repository(namespace.repository)
    _require_registry(namespace, [])


def validate_operation_command(namespace):
    """`--repository R --id ID`, or `-t IMG`, never both."""
    by_id = namespace.operation_id is not None or namespace.repository is not None
    if by_id and namespace.image is not None:
        raise with_fix(MutuallyExclusiveArgumentError("Use either --repository with --id, or --image, not both."),
                       "az streaming operation show -r myregistry --repository app --id <operation id>")
    if not by_id and namespace.image is None:
        raise with_fix(RequiredArgumentMissingError("Name the operation: --repository with --id, or --image."),
                       "az streaming operation show -r myregistry -t app:v1")
    if by_id and (namespace.operation_id is None or namespace.repository is None):
        raise with_fix(RequiredArgumentMissingError("--repository and --id go together."),
                       "az streaming operation show -r myregistry --repository app --id <operation id>")
    if namespace.repository is not None:
        namespace.repository = parse_repository(namespace.repository)
    _require_registry(namespace, _parse_images(namespace))


def validate_nodepool_command(namespace):
    """Exactly one of --nodepool-names and --all-nodepools."""
    names = getattr(namespace, "nodepool_names", None)
    if names and namespace.all_nodepools:
        raise with_fix(MutuallyExclusiveArgumentError("Use --nodepool-names or --all-nodepools, not both."),
                       "az streaming nodepool enable -g MyResourceGroup -c MyCluster --nodepool-names np1")
    if not names and not namespace.all_nodepools:
        raise with_fix(RequiredArgumentMissingError("Name the pools: --nodepool-names NP [NP ...] or --all-nodepools."),
                       "az streaming nodepool enable -g MyResourceGroup -c MyCluster --all-nodepools")
