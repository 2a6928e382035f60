"""Parsing of image references: `repo[:tag]`, `repo@sha256:<hex>`, optionally behind a login server."""

import re
from dataclasses import dataclass
from typing import Optional

from azure.cli.core.azclierror import InvalidArgumentValueError

DEFAULT_TAG = "latest"

# Distribution-spec grammar, kept strict so that a typo fails here rather than as a 404 later.
_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_REPOSITORY_RE = re.compile(r"^{0}(?:/{0})*$".format(_PATH_COMPONENT))
_TAG_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
_DIGEST_RE = re.compile(r"^sha256:[a-f0-9]{64}$")
_HOST_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]+)?$")

_EXAMPLES = "Use repo:tag, repo@sha256:<64 hex digits> or myregistry.azurecr.io/repo:tag, e.g. -t app:v1"


@dataclass(frozen=True)
class ImageRef:
    repository: str
    tag: Optional[str] = None
    digest: Optional[str] = None
    login_server: Optional[str] = None

    @property
    def reference(self):
        """The tag or digest, as the registry's manifest API takes it."""
        return self.digest or self.tag

    def __str__(self):
        if self.digest:
            return "{}@{}".format(self.repository, self.digest)
        return "{}:{}".format(self.repository, self.tag)


def _bad(text, why):
    error = InvalidArgumentValueError("Invalid image reference '{}': {}.".format(text, why))
    error.set_recommendation(_EXAMPLES)
    return error


def _split_login_server(text):
    """A first path component holding a dot or a port is a registry host, as docker decides it."""
    first, sep, rest = text.partition("/")
    if sep and ("." in first or ":" in first):
        if not _HOST_RE.match(first):
            raise _bad(text, "'{}' is not a valid registry login server".format(first))
        return first.lower(), rest
    return None, text


def parse_image(text):
    """Parse one `--image` value into an ImageRef; raise InvalidArgumentValueError naming the fix."""
    raw = (text or "").strip()
    if not raw:
        raise _bad(text or "", "it is empty")
    login_server, remainder = _split_login_server(raw)
    digest = tag = None
    if "@" in remainder:
        remainder, _, digest = remainder.partition("@")
        if not _DIGEST_RE.match(digest):
            raise _bad(raw, "the digest must be sha256: followed by 64 lower-case hex digits")
    else:
        # A colon after the last slash separates the tag.
        slash = remainder.rfind("/")
        colon = remainder.rfind(":")
        if colon > slash:
            remainder, tag = remainder[:colon], remainder[colon + 1:]
            if not _TAG_RE.match(tag):
                raise _bad(raw, "'{}' is not a valid tag".format(tag))
        else:
            tag = DEFAULT_TAG
    if not remainder:
        raise _bad(raw, "the repository name is missing")
    if not _REPOSITORY_RE.match(remainder):
        raise _bad(raw, "'{}' is not a valid repository name (lower-case letters, digits, "
                        "separators . _ - and / between components)".format(remainder))
    return ImageRef(repository=remainder, tag=tag, digest=digest, login_server=login_server)


def parse_repository(text):
    """Validate a bare `--repository` value."""
    raw = (text or "").strip()
    if not _REPOSITORY_RE.match(raw):
        error = InvalidArgumentValueError("Invalid repository name '{}'.".format(text))
        error.set_recommendation("Give the repository without tag or registry, e.g. --repository app "
                                 "or --repository team/app")
        raise error
    return raw
