"""What an image's manifest says about streaming: its platforms and its size (for `az streaming check`).

Only linux/amd64 images convert, and very large images are slow to convert, so `check` reads the manifest
(an index lists the platforms of its children; a single manifest's platform comes from ACR's metadata).
Anything the documents do not say is reported as unknown rather than guessed.
"""

from dataclasses import dataclass
from typing import Optional

STREAMABLE_PLATFORM = ("linux", "amd64")
SIZE_WARNING_BYTES = 30 * 1024 ** 3


@dataclass
class ManifestFacts:
    platforms: Optional[list]  # [(os, architecture)], None when unknown
    size_bytes: Optional[int]  # compressed size of the linux/amd64 image, None when unknown

    @property
    def streamable_platform(self):
        """True or False when known, None when the platform could not be read."""
        if self.platforms is None:
            return None
        return STREAMABLE_PLATFORM in self.platforms

    @property
    def too_large(self):
        return self.size_bytes is not None and self.size_bytes > SIZE_WARNING_BYTES


def _platform(entry):
    platform = (entry or {}).get("platform") or {}
    return (str(platform.get("os") or "").lower(), str(platform.get("architecture") or "").lower())


def image_size(manifest):
    """Config plus layers, as listed in an image manifest; None when the document lists no sizes."""
    parts = [manifest.get("config") or {}] + list(manifest.get("layers") or [])
    sizes = [p.get("size") for p in parts if isinstance(p.get("size"), int)]
    return sum(sizes) if sizes else None


def read_manifest_facts(client, repository, digest):
    document, _ = client.get_manifest(repository, digest)
    document = document or {}
    children = document.get("manifests")
    if isinstance(children, list):
        platforms = [_platform(child) for child in children]
        amd64 = next((c for c in children if _platform(c) == STREAMABLE_PLATFORM), None)
        size = None
        if amd64 is not None and amd64.get("digest"):
            child, _ = client.get_manifest(repository, amd64["digest"])
            size = image_size(child or {})
        return ManifestFacts(platforms, size)
    metadata = client.get_manifest_metadata(repository, digest) or {}
    os_name, arch = metadata.get("os"), metadata.get("architecture")
    platforms = [(str(os_name).lower(), str(arch).lower())] if os_name and arch else None
    size = image_size(document)
    if size is None and isinstance(metadata.get("imageSize"), int):
        size = metadata["imageSize"]
    return ManifestFacts(platforms, size)
