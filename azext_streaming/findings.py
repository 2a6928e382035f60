"""Findings: what `check` reports and what stops `enable` before its first write. Pure functions, no I/O.

Each finding has a stable code (interface.md), a severity, a message and, where one exists, the command
that fixes it. `enable` stops on every error finding except AcrPullMissing, which it fixes (--attach-acr)
or turns into a warning.
"""

from dataclasses import dataclass
from typing import Optional

from .acr_pull import MISSING
from .nodepool_rules import is_windows, pool_warnings, streaming_enabled

ERROR, WARNING, INFO = "error", "warning", "info"
# Codes that `enable` fixes itself or reports as a warning rather than refusing to start.
NOT_BLOCKING_FOR_ENABLE = frozenset({"AcrPullMissing"})


@dataclass
class Finding:
    severity: str
    code: str
    message: str
    fix: Optional[str] = None

    def to_dict(self):
        return {"severity": self.severity, "code": self.code, "message": self.message, "fix": self.fix}


def blocking(findings, not_blocking=NOT_BLOCKING_FOR_ENABLE):
    return [f for f in findings if f.severity == ERROR and f.code not in not_blocking]


def image_findings(registry_name, states, manifests=None):
    """ImageNotFound / ImagePlatformUnsupported / ImageTooLarge / ImageNotConverted for inspected images."""
    manifests = manifests or {}
    found = []
    for state in states:
        image = str(state.ref)
        if not state.found:
            found.append(Finding(ERROR, "ImageNotFound", "Image {} was not found in registry {}.".format(
                image, registry_name), "az acr repository show-tags -n {} --repository {} -o table".format(
                    registry_name, state.ref.repository)))
            continue
        facts = manifests.get(image)
        if facts is not None and facts.streamable_platform is False:
            found.append(Finding(ERROR, "ImagePlatformUnsupported", "Image {} has no linux/amd64 platform ({}); "
                                 "only linux/amd64 images stream.".format(
                                     image, ", ".join("/".join(p) for p in facts.platforms) or "none listed"),
                                 "docker buildx build --platform linux/amd64 -t {}/{} --push .".format(
                                     registry_name + ".azurecr.io", image)))
        if facts is not None and facts.too_large:
            found.append(Finding(WARNING, "ImageTooLarge", "Image {} is {:.1f} GiB; images over 30 GiB may not "
                                 "convert.".format(image, facts.size_bytes / 1024 ** 3),
                                 "Reduce the image size, e.g. with a multi-stage build."))
        if not state.streamable:
            detail = " (last conversion {}{})".format(state.status, ": " + state.details if state.details else "") \
                if state.operation_id else ""
            found.append(Finding(INFO, "ImageNotConverted", "Image {} has no streaming artifact yet{}.".format(
                image, detail), "az streaming enable -r {} -t {}".format(registry_name, image)))
    return found


def repository_findings(registry_name, repositories):
    return [Finding(INFO, "RepositoryAutoConvertOff", "Repository {} does not convert pushed images.".format(
        r["repository"]), "az streaming repository update -r {} --repository {} --enable-streaming true".format(
            registry_name, r["repository"]))
        for r in repositories if not r.get("convertPushedImages")]


def pool_findings(resource_group, cluster_name, changes, missing, all_pools, enable=True):
    """NodepoolNotFound / NodepoolWindows / NodepoolArm64 / NodepoolOsSkuUnsupported / NodepoolStreamingOff."""
    pools_fix = "az aks nodepool list -g {} --cluster-name {} -o table".format(resource_group, cluster_name)
    found = [Finding(ERROR, "NodepoolNotFound", "Node pool {} was not found in cluster {}.".format(name, cluster_name),
                     pools_fix) for name in missing]
    for change in changes:
        pool = change.pool
        if is_windows(pool):
            if enable:
                found.append(Finding(WARNING if all_pools else ERROR, "NodepoolWindows",
                                     "Node pool {} is a Windows pool: only Linux node pools can stream{}.".format(
                                         change.name, "; it is skipped" if all_pools else ""),
                                     "Name only Linux pools with --nodepool-names, or use --all-nodepools."))
            continue
        if enable:
            found.extend(Finding(WARNING, code, message) for code, message in pool_warnings(pool))
            if not streaming_enabled(pool):
                found.append(Finding(INFO, "NodepoolStreamingOff", "Node pool {} does not stream yet.".format(
                    change.name), "az streaming nodepool enable -g {} -c {} --nodepool-names {}".format(
                        resource_group, cluster_name, change.name)))
    return found


def acr_pull_finding(state, registry_name, resource_group, cluster_name):
    if state is None or state.status != MISSING:
        return []
    return [Finding(ERROR, "AcrPullMissing", "The kubelet identity of cluster {} cannot pull from registry {}; "
                    "pods would fail to pull.".format(cluster_name, registry_name),
                    "az streaming acr-pull grant -r {} -g {} -c {}".format(registry_name, resource_group,
                                                                           cluster_name))]


def feature_finding(state):
    if state is None or state == "Registered":
        return []
    return [Finding(INFO, "FeatureNotRegistered", "The subscription's ArtifactStreamingPreview feature is {}; only "
                    "preview AKS api-versions need it.".format(state), "az streaming feature register --wait")]
