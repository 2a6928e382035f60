"""`-o table` transformers: one row per image, tag, operation or repository, built on one row helper."""

from collections import OrderedDict


def _row(item, columns):
    """Pick `columns` (header -> key) from `item`, keeping their order."""
    return OrderedDict((header, item.get(key)) for header, key in columns)


IMAGE_COLUMNS = (("Image", "image"), ("Status", "status"), ("Digest", "digest"), ("OperationId", "operationId"),
                 ("Details", "details"))
TAG_COLUMNS = (("Tag", "tag"), ("Streaming", "streaming"), ("Status", "status"), ("Digest", "digest"),
               ("LastUpdate", "lastUpdateTime"))
OPERATION_COLUMNS = (("Repository", "repository"), ("Id", "id"), ("Status", "status"), ("Progress", "progress"),
                     ("Resource", "resource"), ("Details", "details"))
REPOSITORY_COLUMNS = (("Registry", "registry"), ("Repository", "repository"),
                      ("ConvertPushedImages", "convertPushedImages"))


def _short_digest(row):
    digest = row.get("Digest")
    if digest and len(digest) > 19:
        row["Digest"] = digest[:19] + "..."
    return row


def transform_images(result):
    return [_short_digest(_row(image, IMAGE_COLUMNS)) for image in (result or {}).get("images", [])]


def transform_image(result):
    return [_short_digest(_row(result, IMAGE_COLUMNS))]


def transform_tags(result):
    return [_short_digest(_row(tag, TAG_COLUMNS)) for tag in result or []]


def transform_operation(result):
    return [_row(result, OPERATION_COLUMNS)]


def transform_repository(result):
    return [_row(result, REPOSITORY_COLUMNS)]


POOL_COLUMNS = (("Name", "name"), ("OsType", "osType"), ("OsSku", "osSku"),
                ("Streaming", "artifactStreamingEnabled"), ("Status", "status"), ("Reason", "reason"))
POOL_LISTING_COLUMNS = (("Name", "name"), ("Mode", "mode"), ("OsType", "osType"), ("OsSku", "osSku"),
                        ("VmSize", "vmSize"), ("Arch", "architecture"), ("Streaming", "artifactStreamingEnabled"),
                        ("Eligible", "eligible"), ("Reason", "reason"))


def transform_pools(result):
    return [_row(pool, POOL_COLUMNS) for pool in (result or {}).get("nodepools", [])]


def transform_pool_listing(result):
    return [_row(pool, POOL_LISTING_COLUMNS) for pool in result or []]


ACR_PULL_COLUMNS = (("Registry", "registry"), ("Cluster", "cluster"), ("Status", "status"), ("Role", "role"),
                    ("PrincipalId", "principalId"), ("Reason", "reason"))


def transform_acr_pull(result):
    return [_row(result, ACR_PULL_COLUMNS)]


STREAMING_COLUMNS = (("Kind", "kind"), ("Name", "name"), ("Status", "status"), ("Detail", "detail"))
FINDING_COLUMNS = (("Severity", "severity"), ("Code", "code"), ("Message", "message"), ("Fix", "fix"))


def transform_streaming(result):
    """One row per image, repository and node pool, then the AcrPull grant, of enable/show/disable/wait."""
    result = result or {}
    rows = [{"kind": "image", "name": i.get("image"), "status": i.get("status"),
             "detail": i.get("details") or i.get("operationId")} for i in result.get("images", [])]
    rows += [{"kind": "repository", "name": r.get("repository"),
              "status": "AutoConvertOn" if r.get("convertPushedImages") else "AutoConvertOff", "detail": None}
             for r in result.get("repositories", [])]
    rows += [{"kind": "nodepool", "name": p.get("name"), "status": p.get("status"), "detail": p.get("reason")}
             for p in result.get("nodepools", [])]
    acr_pull = result.get("acrPull") or {}
    if acr_pull.get("status") not in (None, "NotChecked") or acr_pull.get("reason"):
        rows.append({"kind": "acrPull", "name": acr_pull.get("role") or "AcrPull", "status": acr_pull.get("status"),
                     "detail": acr_pull.get("reason")})
    return [_row(row, STREAMING_COLUMNS) for row in rows]


def transform_findings(result):
    return [_row(f, FINDING_COLUMNS) for f in (result or {}).get("findings", [])]
