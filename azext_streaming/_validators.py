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


# ---- the one-step commands (enable, check, show, disable, wait) --------------------------------------------
_EXAMPLE = "az streaming enable -r myregistry -t app:v1 -g MyResourceGroup -c MyCluster --all-nodepools"


def _cluster_part(namespace, pools_required):
    """True when the command names a cluster; checks -g, -c and the pool selection go together."""
    names = getattr(namespace, "nodepool_names", None)
    all_pools = getattr(namespace, "all_nodepools", False)
    cluster = getattr(namespace, "cluster_name", None)
    if names and all_pools:
        raise with_fix(MutuallyExclusiveArgumentError("Use --nodepool-names or --all-nodepools, not both."),
                       _EXAMPLE)
    if (names or all_pools) and not cluster:
        raise with_fix(RequiredArgumentMissingError("Node pools need their cluster: --cluster-name/-c is required."),
                       _EXAMPLE)
    if cluster and not getattr(namespace, "resource_group_name", None):
        raise with_fix(RequiredArgumentMissingError("--resource-group/-g is required with --cluster-name."), _EXAMPLE)
    if cluster and pools_required and not names and not all_pools:
        raise with_fix(RequiredArgumentMissingError("Name the pools: --nodepool-names NP [NP ...] or --all-nodepools."),
                       _EXAMPLE)
    return bool(cluster)


def _registry_part(namespace):
    """True when the command has registry work: images or repositories (which then need the registry)."""
    images = _parse_images(namespace)
    repositories = []
    if hasattr(namespace, "repositories"):  # not every one-step command takes --repository
        repositories = namespace.repositories = list(dict.fromkeys(
            parse_repository(r) for r in namespace.repositories or []))
    if images or repositories:
        _require_registry(namespace, images)
        return True
    return False


def _one_step(namespace, pools_required, registry_alone_counts):
    has_registry = _registry_part(namespace) or (registry_alone_counts and bool(namespace.registry))
    has_cluster = _cluster_part(namespace, pools_required)
    if not has_registry and not has_cluster:
        raise with_fix(RequiredArgumentMissingError(
            "Nothing to do: give images (-t) or repositories (--repository) of a registry (-r), and/or a cluster "
            "(-g, -c) with its node pools."), _EXAMPLE)
    if getattr(namespace, "attach_acr", False) and not (has_cluster and (has_registry or namespace.registry)):
        raise with_fix(RequiredArgumentMissingError("--attach-acr needs both the registry (-r) and the cluster "
                                                    "(-g, -c)."), _EXAMPLE + " --attach-acr")


def validate_read_only_command(namespace):
    """check and show: the registry alone, the cluster alone (every pool by default), or both."""
    _one_step(namespace, pools_required=False, registry_alone_counts=True)


def validate_changing_command(namespace):
    """enable, disable and wait: pools named or --all-nodepools; the registry alone does nothing for them
    (except to receive the kubelet grant of enable --attach-acr)."""
    _one_step(namespace, pools_required=True, registry_alone_counts=False)
