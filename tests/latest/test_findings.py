"""Unit tests of the findings rules and of the manifest facts that feed them."""

from azext_streaming.acr_pull import AcrPullState
from azext_streaming.conversion import ImageState
from azext_streaming.findings import (ERROR, INFO, WARNING, Finding, acr_pull_finding, blocking, feature_finding,
                                      image_findings, pool_findings, repository_findings)
from azext_streaming.image_manifest import ManifestFacts, read_manifest_facts
from azext_streaming.image_ref import parse_image
from azext_streaming.nodepools import PoolChange

GIB = 1024 ** 3


def state(text, **kwargs):
    return ImageState(ref=parse_image(text), digest="sha256:" + "a" * 64, **kwargs)


def pool(name, os_type="Linux", os_sku="Ubuntu", vm_size="Standard_D4s_v5", enabled=False):
    return PoolChange(pool={"name": name, "properties": {"osType": os_type, "osSKU": os_sku, "vmSize": vm_size,
                                                         "artifactStreamingProfile": {"enabled": enabled}}})


def codes(findings):
    return [(f.code, f.severity) for f in findings]


def test_missing_image_is_an_error_and_nothing_else_is_said_of_it():
    found = image_findings("myreg", [state("app:v9", found=False)])
    assert codes(found) == [("ImageNotFound", ERROR)]
    assert found[0].fix == "az acr repository show-tags -n myreg --repository app -o table"


def test_platform_size_and_conversion_findings():
    streaming = state("app:v1", status="Succeeded")
    windows = state("legacy:win", status="Failed", operation_id="op", details="UNSUPPORTED_PLATFORM: no")
    facts = {"app:v1": ManifestFacts([("linux", "amd64")], 31 * GIB),
             "legacy:win": ManifestFacts([("windows", "amd64")], GIB)}
    found = image_findings("myreg", [streaming, windows], facts)
    assert codes(found) == [("ImageTooLarge", WARNING), ("ImagePlatformUnsupported", ERROR),
                            ("ImageNotConverted", INFO)]
    assert "last conversion Failed: UNSUPPORTED_PLATFORM" in found[2].message


def test_unknown_platform_is_not_reported_as_unsupported():
    found = image_findings("myreg", [state("app:v1", status="Succeeded")], {"app:v1": ManifestFacts(None, None)})
    assert found == []


def test_repository_off_is_info_with_the_update_command():
    found = repository_findings("myreg", [{"repository": "team/app", "convertPushedImages": False},
                                          {"repository": "web", "convertPushedImages": True}])
    assert codes(found) == [("RepositoryAutoConvertOff", INFO)]
    assert "--repository team/app --enable-streaming true" in found[0].fix


def test_named_windows_pool_is_an_error_but_only_a_warning_when_all_pools_are_meant():
    windows = pool("win1", os_type="Windows", os_sku="Windows2022")
    assert codes(pool_findings("rg", "c", [windows], [], all_pools=False)) == [("NodepoolWindows", ERROR)]
    assert codes(pool_findings("rg", "c", [windows], [], all_pools=True)) == [("NodepoolWindows", WARNING)]


def test_pool_warnings_and_missing_pools():
    arm = pool("arm1", vm_size="Standard_D4pds_v5", enabled=True)
    noble = pool("np24", os_sku="Ubuntu2404", enabled=True)
    found = pool_findings("rg", "c", [arm, noble], ["gone"], all_pools=False)
    assert codes(found) == [("NodepoolNotFound", ERROR), ("NodepoolArm64", WARNING),
                            ("NodepoolOsSkuUnsupported", WARNING)]


def test_disabling_only_cares_that_pools_exist():
    windows = pool("win1", os_type="Windows")
    assert pool_findings("rg", "c", [windows, pool("np1")], [], all_pools=False, enable=False) == []


def test_acr_pull_and_feature_findings():
    assert codes(acr_pull_finding(AcrPullState("Missing", "oid"), "myreg", "rg", "c")) == [("AcrPullMissing", ERROR)]
    assert acr_pull_finding(AcrPullState("AlreadyGranted", "oid", "AcrPull"), "myreg", "rg", "c") == []
    assert codes(feature_finding("NotRegistered")) == [("FeatureNotRegistered", INFO)]
    assert feature_finding("Registered") == [] and feature_finding(None) == []


def test_enable_is_not_blocked_by_a_missing_grant_or_by_warnings():
    findings = [Finding(ERROR, "AcrPullMissing", "m"), Finding(WARNING, "NodepoolArm64", "m"),
                Finding(ERROR, "RegistryNotPremium", "m")]
    assert [f.code for f in blocking(findings)] == ["RegistryNotPremium"]


class FakeRegistryClient:
    def __init__(self, manifests, metadata=None):
        self.manifests, self.metadata = manifests, metadata or {}
        self.calls = []

    def get_manifest(self, repository, reference):
        self.calls.append(("manifest", reference))
        return self.manifests[reference], reference

    def get_manifest_metadata(self, repository, digest):
        self.calls.append(("metadata", digest))
        return self.metadata.get(digest, {})


def test_index_platforms_and_the_amd64_child_size():
    client = FakeRegistryClient({
        "idx": {"manifests": [{"digest": "arm", "platform": {"os": "linux", "architecture": "arm64"}},
                              {"digest": "amd", "platform": {"os": "linux", "architecture": "amd64"}}]},
        "amd": {"config": {"size": 10}, "layers": [{"size": 100}, {"size": 900}]}})
    facts = read_manifest_facts(client, "app", "idx")
    assert facts.platforms == [("linux", "arm64"), ("linux", "amd64")]
    assert facts.size_bytes == 1010 and facts.streamable_platform is True and not facts.too_large
    assert ("manifest", "arm") not in client.calls


def test_single_manifest_takes_its_platform_from_acr_metadata():
    client = FakeRegistryClient({"one": {"config": {"size": 1}, "layers": [{"size": 31 * GIB}]}},
                                {"one": {"os": "Linux", "architecture": "AMD64"}})
    facts = read_manifest_facts(client, "app", "one")
    assert facts.streamable_platform is True and facts.too_large


def test_single_manifest_without_platform_metadata_is_unknown():
    facts = read_manifest_facts(FakeRegistryClient({"one": {"layers": []}}), "app", "one")
    assert facts.streamable_platform is None and facts.size_bytes is None
