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
