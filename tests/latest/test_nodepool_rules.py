import pytest

from azext_streaming.nodepool_rules import architecture, assess, listing, streaming_enabled


def pool(os_type="Linux", os_sku="Ubuntu", vm_size="Standard_D4s_v5", profile=None):
    properties = {"osType": os_type, "osSKU": os_sku, "vmSize": vm_size, "mode": "User"}
    if profile is not None:
        properties["artifactStreamingProfile"] = profile
    return {"name": "np", "properties": properties}


@pytest.mark.parametrize("size, arch", [
    ("Standard_D4pds_v5", "arm64"), ("Standard_E2ps_v5", "arm64"), ("Standard_B2pls_v2", "arm64"),
    ("standard_d4pds_v5", "arm64"), ("Standard_D4s_v5", "amd64"), ("Standard_DC4ds_v3", "amd64"),
    ("Standard_NP10s", "amd64"), ("Standard_D4ds_v5", "amd64"), ("", "amd64"), (None, "amd64"),
])
def test_architecture_from_vm_size(size, arch):
    assert architecture(size) == arch


def test_windows_is_never_eligible():
    eligible, reason, _ = assess(pool(os_type="Windows", os_sku="Windows2022"))
    assert not eligible and "only Linux" in reason
    assert not assess(pool(os_type="Linux", os_sku="Windows2019"))[0]


@pytest.mark.parametrize("sku", ["Ubuntu", "Ubuntu2204", "AzureLinux", "CBLMariner"])
def test_supported_linux_skus_have_no_warning(sku):
    assert assess(pool(os_sku=sku)) == (True, None, [])


@pytest.mark.parametrize("sku, fragment", [("Ubuntu2404", "known problems"), ("AzureLinux3", "known problems"),
                                           ("AzureContainerLinux", "supported on Ubuntu")])
def test_other_skus_warn_but_stay_eligible(sku, fragment):
    eligible, _, warnings = assess(pool(os_sku=sku))
    assert eligible and fragment in warnings[0]


def test_arm64_warns():
    eligible, _, warnings = assess(pool(vm_size="Standard_D4pds_v5"))
    assert eligible and "ARM64" in warnings[0]


def test_profile_absent_means_off():
    assert streaming_enabled(pool()) is False
    assert streaming_enabled(pool(profile={"enabled": True})) is True


def test_listing_row():
    row = listing(pool(os_type="Windows", os_sku="Windows2022"))
    assert row["eligible"] is False and row["architecture"] == "amd64" and "Linux" in row["reason"]
