"""Which AKS node pools can stream: pure rules over a pool's ARM properties, no I/O."""

import re

# OS SKUs where streaming is supported (Ubuntu 20.04/22.04 and Azure Linux 2).
SUPPORTED_OS_SKUS = frozenset({"ubuntu", "ubuntu2204", "azurelinux", "cblmariner"})
# OS SKUs with known streaming problems: warn and let the service decide.
PROBLEM_OS_SKUS = frozenset({"ubuntu2404", "azurelinux3"})

# Azure ARM64 sizes carry a lower-case `p` among the feature letters after the core count (D4pds_v5).
_SIZE_RE = re.compile(r"^standard_([a-z]+)(\d+)([a-z]*)(?:_|$)", re.IGNORECASE)


def architecture(vm_size):
    match = _SIZE_RE.match(vm_size or "")
    if match and "p" in match.group(3).lower():
        return "arm64"
    return "amd64"


def pool_properties(pool):
    """ARM agent pools put their fields under `properties`; tolerate a flattened shape too."""
    return pool.get("properties") or pool


def streaming_enabled(pool):
    return bool((pool_properties(pool).get("artifactStreamingProfile") or {}).get("enabled"))


def is_windows(pool):
    props = pool_properties(pool)
    os_sku = props.get("osSKU") or props.get("osSku") or ""
    return (props.get("osType") or "Linux").lower() == "windows" or os_sku.lower().startswith("windows")


WINDOWS_REASON = "Windows pool: only Linux node pools can stream."


def pool_warnings(pool):
    """[(finding code, message)] for a Linux pool that may not stream well; the service has the last word."""
    props = pool_properties(pool)
    name = pool.get("name")
    os_sku = props.get("osSKU") or props.get("osSku") or ""
    warnings = []
    if architecture(props.get("vmSize")) == "arm64":
        warnings.append(("NodepoolArm64", "Pool {} uses ARM64 size {}: only linux/amd64 images stream, so its pods "
                                          "will pull normally.".format(name, props.get("vmSize"))))
    sku = os_sku.lower()
    if sku in PROBLEM_OS_SKUS:
        warnings.append(("NodepoolOsSkuUnsupported", "Pool {} runs {}, where artifact streaming has had known "
                                                     "problems.".format(name, os_sku)))
    elif sku and sku not in SUPPORTED_OS_SKUS:
        warnings.append(("NodepoolOsSkuUnsupported", "Pool {} runs {}; artifact streaming is supported on Ubuntu "
                                                     "20.04/22.04 and Azure Linux.".format(name, os_sku)))
    return warnings


def assess(pool):
    """(eligible, reason, warnings) for enabling streaming on `pool`."""
    if is_windows(pool):
        return False, WINDOWS_REASON, []
    return True, None, [message for _, message in pool_warnings(pool)]


def summary(pool, status=None, reason=None):
    """The documented nodepool entry of a result."""
    props = pool_properties(pool)
    return {"name": pool.get("name"), "osType": props.get("osType"), "osSku": props.get("osSKU"),
            "artifactStreamingEnabled": streaming_enabled(pool), "status": status, "reason": reason}


def listing(pool):
    props = pool_properties(pool)
    eligible, reason, warnings = assess(pool)
    return {"name": pool.get("name"), "mode": props.get("mode"), "osType": props.get("osType"),
            "osSku": props.get("osSKU"), "vmSize": props.get("vmSize"), "architecture": architecture(props.get("vmSize")),
            "artifactStreamingEnabled": streaming_enabled(pool), "eligible": eligible,
            "reason": reason or ("; ".join(warnings) if warnings else None),
            "provisioningState": props.get("provisioningState")}
