"""Entry points of the `az streaming` commands. Each one only orchestrates the modules that do the work."""

from azure.cli.core.azclierror import RequiredArgumentMissingError
from knack.log import get_logger

from . import orchestration
from ._constants import DEFAULT_TIMEOUT_SECONDS, STATUS_CANCELED
from ._errors import (AcrResponseError, OperationFailedError, PreconditionError, WaitTimeoutError, defer_error,
                      not_found, with_fix)
from .acr_pull import NOT_CHECKED, AcrPullAccess
from .acr_session import conversion_outcome_error, missing_images_error, open_registry
from .arm import ArmClient
from .conversion import Conversions, ImageState
from .deadline import Deadline
from .feature import FEATURE, NAMESPACE, REGISTERED, FeatureFlag
from .image_ref import ImageRef
from .nodepool_rules import listing, pool_properties, summary
from .nodepools import FAILED, UPDATING, ClusterPools
from .progress import Progress
from .registry import resolve_registry
from .survey import Target

logger = get_logger(__name__)

NO_WAIT_WARNING = ("Conversions continue in the background. Pods that pull an image before its conversion has "
                   "succeeded cache the plain image on that node and never stream it: wait with "
                   "'az streaming image wait' before you deploy.")


# ---- az streaming image ------------------------------------------------------------------------------------
def image_create(cmd, images, registry=None, timeout=DEFAULT_TIMEOUT_SECONDS, skip_wait=False):
    reg, client = open_registry(cmd, registry, images, for_write=True)
    conversions = Conversions(client)
    states = conversions.inspect(images, for_create=True)
    missing = missing_images_error(reg, states)
    if missing:
        raise missing
    conversions.start(states)
    return _finish_conversions(cmd, reg, conversions, states, timeout, skip_wait)


def image_wait(cmd, images, registry=None, timeout=DEFAULT_TIMEOUT_SECONDS):
    reg, client = open_registry(cmd, registry, images)
    conversions = Conversions(client)
    states = conversions.inspect(images, for_create=False)
    missing = missing_images_error(reg, states)
    if missing:
        raise missing
    never_started = [s for s in states if not s.streamable and not s.in_progress and not s.operation_id]
    if never_started:
        logger.warning("No conversion was ever started for: %s. Start one with 'az streaming image create'.",
                       ", ".join(str(s.ref) for s in never_started))
    return _finish_conversions(cmd, reg, conversions, states, timeout, skip_wait=False)


def _finish_conversions(cmd, reg, conversions, states, timeout, skip_wait):
    still_running = []
    if skip_wait:
        if any(s.in_progress for s in states):
            logger.warning(NO_WAIT_WARNING)
    else:
        progress = Progress(cmd.cli_ctx)
        still_running = conversions.wait(states, Deadline(timeout), progress)
        progress.end()
    result = {"registry": reg.summary(), "images": [s.to_dict() for s in states]}
    error = conversion_outcome_error(reg, states, still_running, timeout)
    if error is None and not skip_wait:
        error = _never_started_error(reg, states)
    if error is not None:
        defer_error(cmd, error)
    return result


def _never_started_error(reg, states):
    idle = [s for s in states if not s.streamable and not s.in_progress]
    if not idle:
        return None
    return with_fix(PreconditionError("Not converted and no conversion running: {}.".format(
        ", ".join(str(s.ref) for s in idle))),
        "az streaming image create -r {} {}".format(reg.name, " ".join("-t {}".format(s.ref) for s in idle)))


def image_show(cmd, image, registry=None):
    reg, client = open_registry(cmd, registry, [image], for_show=True)
    state = Conversions(client).inspect([image])[0]
    if not state.found:
        raise not_found("Image {} was not found in registry {}.".format(image, reg.name),
                        "az acr repository show-tags -n {} --repository {} -o table".format(
                            reg.name, image.repository), for_show=True)
    entry = state.to_dict()
    entry["progress"] = state.progress
    entry["streamingArtifacts"] = state.streaming_artifacts
    return entry


def image_list(cmd, repository, registry=None):
    reg, client = open_registry(cmd, registry, for_show=True)
    try:
        tags = client.list_tags(repository)
    except AcrResponseError as ex:
        if ex.status_code == 404:
            raise not_found("Repository {} was not found in registry {}.".format(repository, reg.name),
                            "az acr repository list -n {} -o table".format(reg.name), for_show=True) from None
        raise
    by_digest = {}
    for tag in tags:
        by_digest.setdefault(tag.get("digest"), ImageState(ref=ImageRef(repository, digest=tag.get("digest")),
                                                           digest=tag.get("digest")))
    Conversions(client).inspect_digests(list(by_digest.values()))
    rows = []
    for tag in tags:
        state = by_digest[tag.get("digest")]
        rows.append({"repository": repository, "tag": tag.get("name"), "digest": state.digest,
                     "streaming": state.streamable, "status": state.status, "operationId": state.operation_id,
                     "lastUpdateTime": tag.get("lastUpdateTime")})
    return rows


# ---- az streaming operation --------------------------------------------------------------------------------
def _operation_target(cmd, registry, repository, operation_id, image, for_show, for_write=False):
    images = [image] if image else []
    reg, client = open_registry(cmd, registry, images, for_show=for_show, for_write=for_write)
    if operation_id:
        return reg, client, repository, operation_id
    state = Conversions(client).inspect([image])[0]
    if not state.found or not state.operation_id:
        raise not_found("No conversion operation exists for {} in registry {}.".format(image, reg.name),
                        "Start one with: az streaming image create -r {} -t {}".format(reg.name, image),
                        for_show=for_show)
    return reg, client, image.repository, state.operation_id


def _operation_result(repository, operation):
    operation = dict(operation or {})
    operation.setdefault("repository", repository)
    return operation


def operation_show(cmd, registry=None, repository=None, operation_id=None, image=None):
    _, client, repository, operation_id = _operation_target(cmd, registry, repository, operation_id, image,
                                                            for_show=True)
    try:
        return _operation_result(repository, client.get_operation(repository, operation_id))
    except AcrResponseError as ex:
        if ex.status_code == 404:
            raise not_found("Operation {} was not found in repository {}.".format(operation_id, repository),
                            "Find the id with: az streaming image show -r <registry> -t {}:<tag>".format(repository),
                            for_show=True) from None
        raise


def operation_cancel(cmd, registry=None, repository=None, operation_id=None, image=None):
    _, client, repository, operation_id = _operation_target(cmd, registry, repository, operation_id, image,
                                                            for_show=False, for_write=True)
    current = client.get_operation(repository, operation_id)
    if current.get("status") not in ("NotStarted", "Running"):
        logger.warning("Operation %s is already %s; nothing to cancel.", operation_id, current.get("status"))
        return _operation_result(repository, current)
    answer = client.cancel_operation(repository, operation_id)
    answer.setdefault("status", STATUS_CANCELED)
    return _operation_result(repository, answer)


# ---- az streaming repository -------------------------------------------------------------------------------
def repository_show(cmd, repository, registry=None):
    reg, client = open_registry(cmd, registry, for_show=True)
    return _repository_result(reg, repository, client.get_repository_streaming(repository))


def repository_update(cmd, repository, enable_streaming=None, registry=None):
    if enable_streaming is None:
        raise with_fix(RequiredArgumentMissingError("Nothing to update: --enable-streaming is required."),
                       "az streaming repository update -r <registry> --repository {} --enable-streaming true"
                       .format(repository))
    reg, client = open_registry(cmd, registry, for_write=True)
    current = client.get_repository_streaming(repository)
    if bool(current.get("convertPushedImages")) == enable_streaming:
        logger.info("Repository %s already has auto-conversion %s.", repository, "on" if enable_streaming else "off")
        return _repository_result(reg, repository, current)
    return _repository_result(reg, repository, client.set_repository_streaming(repository, enable_streaming))


def _repository_result(reg, repository, state):
    return {"registry": reg.name, "repository": repository,
            "convertPushedImages": bool((state or {}).get("convertPushedImages"))}


# ---- az streaming nodepool ---------------------------------------------------------------------------------
def _cluster_pools(cmd, resource_group_name, cluster_name):
    return ClusterPools(ArmClient(cmd.cli_ctx), resource_group_name, cluster_name)


def nodepool_list(cmd, resource_group_name, cluster_name):
    return [listing(pool) for pool in _cluster_pools(cmd, resource_group_name, cluster_name).list(for_show=True)]


def nodepool_enable(cmd, resource_group_name, cluster_name, nodepool_names=None, all_nodepools=False,
                    timeout=DEFAULT_TIMEOUT_SECONDS, skip_wait=False):
    return _change_pools(cmd, resource_group_name, cluster_name, nodepool_names, all_nodepools, True, timeout,
                         skip_wait)


def nodepool_disable(cmd, resource_group_name, cluster_name, nodepool_names=None, all_nodepools=False,
                     timeout=DEFAULT_TIMEOUT_SECONDS, skip_wait=False):
    return _change_pools(cmd, resource_group_name, cluster_name, nodepool_names, all_nodepools, False, timeout,
                         skip_wait)


def _change_pools(cmd, resource_group_name, cluster_name, names, all_pools, enable, timeout, skip_wait):
    pools = _cluster_pools(cmd, resource_group_name, cluster_name)
    changes = pools.plan(pools.list(), names or [], all_pools, enable)
    warnings = [w for change in changes for w in change.warnings]
    for warning in warnings:
        logger.warning(warning)
    progress = Progress(cmd.cli_ctx)
    pools.apply(changes, enable, Deadline(timeout), progress, skip_wait)
    progress.end()
    result = {"nodepools": [c.to_dict() for c in changes], "warnings": warnings}
    _defer_pool_errors(cmd, resource_group_name, cluster_name, changes, timeout, skip_wait)
    return result


def _defer_pool_errors(cmd, resource_group_name, cluster_name, changes, timeout, skip_wait):
    failed = [c for c in changes if c.status == FAILED]
    late = [c for c in changes if c.status == UPDATING and not skip_wait]
    names = " ".join(c.name for c in failed + late)
    if failed:
        defer_error(cmd, with_fix(OperationFailedError("Node pool update failed: {}.".format(
            "; ".join("{} ({})".format(c.name, c.reason) for c in failed))),
            "Check the pool with 'az aks nodepool show -g {} --cluster-name {} -n <pool>', then retry.".format(
                resource_group_name, cluster_name)))
    elif late:
        defer_error(cmd, with_fix(WaitTimeoutError("Node pools still updating after {} s: {}.".format(
            timeout, ", ".join(c.name for c in late))),
            "az streaming nodepool wait -g {} -c {} --nodepool-names {}".format(
                resource_group_name, cluster_name, names)))


def nodepool_wait(cmd, resource_group_name, cluster_name, nodepool_names=None, all_nodepools=False,
                  timeout=DEFAULT_TIMEOUT_SECONDS):
    pools = _cluster_pools(cmd, resource_group_name, cluster_name)
    current, busy = pools.wait_until_idle(nodepool_names, all_nodepools, Deadline(timeout))
    result = {"nodepools": [summary(p, pool_properties(p).get("provisioningState")) for p in current],
              "warnings": []}
    if busy:
        defer_error(cmd, with_fix(WaitTimeoutError("Node pools still busy after {} s: {}.".format(
            timeout, ", ".join(p.get("name") for p in busy))), "Run the same command again to keep waiting."))
    return result


# ---- az streaming acr-pull ---------------------------------------------------------------------------------
def _acr_pull_state(cmd, registry, resource_group_name, cluster_name, for_show):
    reg = resolve_registry(cmd.cli_ctx, registry, for_show=for_show)
    arm = ArmClient(cmd.cli_ctx)
    cluster = ClusterPools(arm, resource_group_name, cluster_name).get_cluster(for_show=for_show)
    access = AcrPullAccess(arm)
    return reg, access, access.check(cluster, reg.id)


def _acr_pull_result(reg, cluster_name, state):
    result = {"registry": reg.name, "cluster": cluster_name}
    result.update(state.to_dict())
    return result


def acr_pull_show(cmd, resource_group_name, cluster_name, registry=None):
    reg, _, state = _acr_pull_state(cmd, registry, resource_group_name, cluster_name, for_show=True)
    return _acr_pull_result(reg, cluster_name, state)


def acr_pull_grant(cmd, resource_group_name, cluster_name, registry=None):
    reg, access, state = _acr_pull_state(cmd, registry, resource_group_name, cluster_name, for_show=False)
    if state.status == NOT_CHECKED:
        raise with_fix(PreconditionError("Cannot grant AcrPull: {}".format(state.reason)),
                       "az aks update -g {} -n {} --attach-acr {}".format(resource_group_name, cluster_name,
                                                                        reg.name))
    return _acr_pull_result(reg, cluster_name, access.grant(state, reg.id))


# ---- az streaming feature ----------------------------------------------------------------------------------
def _feature_result(state, provider_state):
    return {"name": "{}/{}".format(NAMESPACE, FEATURE), "state": state, "providerRegistrationState": provider_state}


def feature_show(cmd):
    flag = FeatureFlag(ArmClient(cmd.cli_ctx))
    return _feature_result(flag.feature_state(), flag.provider_state())


def feature_register(cmd, wait_for_registration=False, timeout=DEFAULT_TIMEOUT_SECONDS):
    flag = FeatureFlag(ArmClient(cmd.cli_ctx))
    deadline, progress = Deadline(timeout), Progress(cmd.cli_ctx)
    state = flag.feature_state()
    if state != REGISTERED:
        state = flag.register_feature()
        if state != REGISTERED and wait_for_registration:
            state = flag.wait_for(flag.feature_state, deadline, progress)
    if state != REGISTERED:
        progress.end()
        if wait_for_registration:
            defer_error(cmd, with_fix(WaitTimeoutError("The feature is still {} after {} s.".format(state, timeout)),
                                      "az streaming feature register --wait"))
        else:
            logger.warning("Feature registration takes several minutes. Run 'az streaming feature register --wait' "
                           "to wait for it and then re-register the %s provider, which the feature needs.",
                           NAMESPACE)
        return _feature_result(state, flag.provider_state())
    # A registered feature reaches the provider only when the provider is registered again. Registering an
    # already registered provider changes nothing else, so this is safe to repeat.
    provider_state = flag.register_provider()
    if provider_state != REGISTERED and wait_for_registration:
        provider_state = flag.wait_for(flag.provider_state, deadline, progress, label=NAMESPACE)
    progress.end()
    if provider_state != REGISTERED and wait_for_registration:
        defer_error(cmd, with_fix(WaitTimeoutError("Provider {} is still {} after {} s.".format(
            NAMESPACE, provider_state, timeout)), "az provider register -n {} --wait".format(NAMESPACE)))
    return _feature_result(state, provider_state)


# ---- az streaming enable|check|show|disable|wait -----------------------------------------------------------
def _target(registry, images, repositories, resource_group_name, cluster_name, nodepool_names, all_nodepools,
            attach_acr=False, registry_alone_counts=False):
    images, repositories = images or [], repositories or []
    return Target(registry=registry, images=images, repositories=repositories, resource_group=resource_group_name,
                  cluster_name=cluster_name, nodepool_names=nodepool_names or [], all_nodepools=all_nodepools,
                  attach_acr=attach_acr,
                  wants_registry=bool(images or repositories or (registry and (attach_acr or registry_alone_counts))))


def streaming_enable(cmd, images=None, registry=None, repositories=None, resource_group_name=None,
                     cluster_name=None, nodepool_names=None, all_nodepools=False, attach_acr=False,
                     timeout=DEFAULT_TIMEOUT_SECONDS, skip_wait=False):
    target = _target(registry, images, repositories, resource_group_name, cluster_name, nodepool_names,
                     all_nodepools, attach_acr)
    return orchestration.enable(cmd, target, timeout, skip_wait)


def streaming_check(cmd, images=None, registry=None, repositories=None, resource_group_name=None,
                    cluster_name=None, nodepool_names=None, all_nodepools=False):
    return orchestration.check(cmd, _target(registry, images, repositories, resource_group_name, cluster_name,
                                            nodepool_names, all_nodepools, registry_alone_counts=True))


def streaming_show(cmd, images=None, registry=None, repositories=None, resource_group_name=None,
                   cluster_name=None, nodepool_names=None, all_nodepools=False):
    return orchestration.show(cmd, _target(registry, images, repositories, resource_group_name, cluster_name,
                                           nodepool_names, all_nodepools, registry_alone_counts=True))


def streaming_disable(cmd, registry=None, repositories=None, resource_group_name=None, cluster_name=None,
                      nodepool_names=None, all_nodepools=False, timeout=DEFAULT_TIMEOUT_SECONDS, skip_wait=False):
    target = _target(registry, None, repositories, resource_group_name, cluster_name, nodepool_names,
                     all_nodepools)
    return orchestration.disable(cmd, target, timeout, skip_wait)


def streaming_wait(cmd, images=None, registry=None, resource_group_name=None, cluster_name=None,
                   nodepool_names=None, all_nodepools=False, timeout=DEFAULT_TIMEOUT_SECONDS):
    target = _target(registry, images, None, resource_group_name, cluster_name, nodepool_names, all_nodepools)
    return orchestration.wait(cmd, target, timeout)
