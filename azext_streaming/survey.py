"""The read phase of the one-step commands: everything about the registry and the cluster, read before any
write, the two sides at the same time. Problems become findings instead of exceptions, so a command can
report all of them at once.
"""

from dataclasses import dataclass, field
from typing import Optional

from azure.cli.core.azclierror import ForbiddenError, ResourceNotFoundError, ValidationError

from ._errors import AcrResponseError
from .acr_pull import NOT_CHECKED, AcrPullAccess, AcrPullState
from .acr_session import data_client, registry_value, require_same_registry
from .arm import ArmClient
from .concurrency import map_concurrently
from .conversion import Conversions
from .feature import FeatureFlag
from .findings import (ERROR, Finding, acr_pull_finding, feature_finding, image_findings, pool_findings,
                       repository_findings)
from .image_manifest import read_manifest_facts
from .nodepools import ClusterPools
from .registry import resolve_registry, streaming_problem

ENABLE, CHECK, SHOW, DISABLE, WAIT = "enable", "check", "show", "disable", "wait"


@dataclass
class Target:
    """What the user named on the command line."""
    registry: Optional[str] = None
    images: list = field(default_factory=list)
    repositories: list = field(default_factory=list)
    resource_group: Optional[str] = None
    cluster_name: Optional[str] = None
    nodepool_names: list = field(default_factory=list)
    all_nodepools: bool = False
    attach_acr: bool = False
    # Whether the registry is read at all: a configured default registry alone must not make
    # `enable -g -c` depend on that registry.
    wants_registry: bool = False

    @property
    def wants_cluster(self):
        return bool(self.cluster_name)

    @property
    def all_pools(self):
        """--all-nodepools, or no pool named (read-only commands then look at every pool)."""
        return self.all_nodepools or not self.nodepool_names


@dataclass
class Survey:
    target: Target
    mode: str
    registry: Optional[object] = None
    client: Optional[object] = None
    images: list = field(default_factory=list)
    manifests: dict = field(default_factory=dict)
    repositories: list = field(default_factory=list)
    cluster: Optional[dict] = None
    pools: Optional[ClusterPools] = None
    changes: list = field(default_factory=list)
    acr_pull: AcrPullState = field(default_factory=lambda: AcrPullState(NOT_CHECKED))
    findings: list = field(default_factory=list)

    @property
    def enabling(self):
        return self.mode != DISABLE


def take_survey(cmd, target, mode):
    survey = Survey(target=target, mode=mode)
    arm = ArmClient(cmd.cli_ctx) if target.wants_cluster else None
    sides = []
    if target.wants_registry:
        sides.append(lambda: _read_registry_side(cmd, survey))
    if target.wants_cluster:
        sides.append(lambda: _read_cluster_side(arm, survey))
    # Registry and cluster are independent: read them at the same time. Findings keep a fixed order.
    for findings in map_concurrently(lambda side: side(), sides):
        survey.findings.extend(findings)
    if survey.registry is not None and survey.cluster is not None and mode in (ENABLE, CHECK, SHOW):
        survey.acr_pull = _read_acr_pull(arm, survey)
        survey.findings.extend(acr_pull_finding(survey.acr_pull, survey.registry.name, target.resource_group,
                                                target.cluster_name))
    return survey


def _not_found_finding(code, error):
    fix = "; ".join(getattr(error, "recommendations", None) or []) or None
    return Finding(ERROR, code, error.error_msg, fix)


# ---- registry side ---------------------------------------------------------------------------------------
def _read_registry_side(cmd, survey):
    target, mode = survey.target, survey.mode
    try:
        registry = resolve_registry(cmd.cli_ctx, registry_value(target.registry, target.images))
    except (ValidationError, ResourceNotFoundError) as ex:
        return [_not_found_finding("RegistryNotFound", ex)]
    require_same_registry(registry, target.images)
    survey.registry, findings = registry, []
    problem = streaming_problem(registry)
    if problem is not None and mode != DISABLE:
        code, message, fix = problem
        findings.append(Finding(ERROR, code, message, fix))
    survey.client = data_client(cmd.cli_ctx, registry)
    conversions = Conversions(survey.client)
    survey.images = conversions.inspect(target.images, for_create=(mode == ENABLE))
    if mode == CHECK:
        found = [s for s in survey.images if s.found]
        facts = map_concurrently(lambda s: read_manifest_facts(survey.client, s.ref.repository, s.digest), found)
        survey.manifests = {str(s.ref): f for s, f in zip(found, facts)}
    survey.repositories = map_concurrently(lambda r: _repository_state(survey.client, r), target.repositories)
    findings.extend(image_findings(registry.name, survey.images, survey.manifests))
    if mode in (CHECK, SHOW):
        findings.extend(repository_findings(registry.name, survey.repositories))
    return findings


def _repository_state(client, repository):
    try:
        state = client.get_repository_streaming(repository) or {}
    except AcrResponseError as ex:
        if ex.status_code != 404:
            raise
        state = {}  # a repository with no images yet has no setting: auto-conversion is off
    return {"repository": repository, "convertPushedImages": bool(state.get("convertPushedImages"))}


# ---- cluster side ----------------------------------------------------------------------------------------
def _read_cluster_side(arm, survey):
    target, mode = survey.target, survey.mode
    pools = ClusterPools(arm, target.resource_group, target.cluster_name)
    try:
        cluster = pools.get_cluster()
    except (ValidationError, ResourceNotFoundError) as ex:
        return [_not_found_finding("ClusterNotFound", ex)]
    survey.cluster, survey.pools = cluster, pools
    changes, missing, _ = pools.select(pools.list(), target.nodepool_names, target.all_pools, survey.enabling)
    survey.changes = changes
    findings = pool_findings(target.resource_group, target.cluster_name, changes, missing, target.all_pools,
                             enable=survey.enabling)
    if mode == CHECK:
        findings.extend(feature_finding(FeatureFlag(arm).feature_state()))
    return findings


def _read_acr_pull(arm, survey):
    try:
        return AcrPullAccess(arm).check(survey.cluster, survey.registry.id)
    except ForbiddenError as ex:
        return AcrPullState(NOT_CHECKED, reason="Cannot read the role assignments of the registry: {}".format(ex))
