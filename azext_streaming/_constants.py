"""Wire constants in one place: api-versions, media types, payload literals and data-plane paths.

Every ARM api-version is pinned here rather than taken from the SDK defaults, so that an SDK bump in
azure-cli cannot silently change what goes on the wire (and the recordings match on api-version).
"""

# ARM api-versions.
ACR_MGMT_API_VERSION = "2023-07-01"
AKS_MGMT_API_VERSION = "2026-03-01"
AUTHORIZATION_API_VERSION = "2022-04-01"
FEATURES_API_VERSION = "2021-07-01"
PROVIDERS_API_VERSION = "2024-11-01"

# AAD audience that ACR accepts in the /oauth2/exchange call.
ACR_AAD_SCOPE = "https://containerregistry.azure.net/.default"

# Streaming conversion payload literals.
STREAMING_ARTIFACT_TYPE = "application/vnd.azure.artifact.streaming.v1"
CONVERSION_FORMAT = "overlaybd"
CONVERSION_VERSION = "v1"

MANIFEST_MEDIA_TYPES = (
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
)

# Conversion statuses reported by the service.
STATUS_NOT_STARTED = "NotStarted"
STATUS_RUNNING = "Running"
STATUS_SUCCEEDED = "Succeeded"
STATUS_FAILED = "Failed"
STATUS_CANCELED = "Canceled"
# Our own status word for an image skipped because its streaming artifact already exists.
STATUS_ALREADY_STREAMING = "AlreadyStreaming"
TERMINAL_STATUSES = frozenset({STATUS_SUCCEEDED, STATUS_FAILED, STATUS_CANCELED})
IN_PROGRESS_STATUSES = frozenset({STATUS_NOT_STARTED, STATUS_RUNNING})

# Token scopes: reads get pull + metadata_read, writes pull + push (least privilege).
READ_ACTIONS = ("metadata_read", "pull")
WRITE_ACTIONS = ("pull", "push")

# The default deadline of a command that waits, in seconds.
DEFAULT_TIMEOUT_SECONDS = 3600
# How many images are inspected, converted or polled at the same time.
MAX_CONCURRENCY = 8


class AcrPaths:
    """Builders for ACR data-plane paths. Repositories and digests go in raw: nested repositories keep
    their slashes and `sha256:` keeps its colon, as the service expects."""

    @staticmethod
    def tag(repository, tag):
        return "/acr/v1/{}/_tags/{}".format(repository, tag)

    @staticmethod
    def tags(repository):
        return "/acr/v1/{}/_tags".format(repository)

    @staticmethod
    def manifest_metadata(repository, digest):
        return "/acr/v1/{}/_manifests/{}".format(repository, digest)

    @staticmethod
    def manifest(repository, reference):
        return "/v2/{}/manifests/{}".format(repository, reference)

    @staticmethod
    def referrers(repository, digest):
        return "/v2/{}/referrers/{}".format(repository, digest)

    @staticmethod
    def repository_streaming(repository):
        return "/acr/v1/{}/_streaming".format(repository)

    @staticmethod
    def image_streaming(repository, digest):
        return "/acr/v1/{}/_streaming/{}".format(repository, digest)

    @staticmethod
    def operation(repository, operation_id):
        return "/acr/v1/{}/_operations/{}".format(repository, operation_id)

    @staticmethod
    def cancel_operation(repository, operation_id):
        return "/acr/v1/{}/_operations/{}:cancel".format(repository, operation_id)
