#!/usr/bin/env python
"""Packaging of the `streaming` Azure CLI extension."""

from setuptools import find_packages, setup

VERSION = "0.1.0"

CLASSIFIERS = [
    "Development Status :: 4 - Beta",
    "Intended Audience :: Developers",
    "Intended Audience :: System Administrators",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3.11",
]

# Everything the extension imports ships with azure-cli itself (azure-cli-core, knack, azure-core,
# azure-mgmt-containerregistry, azure-mgmt-containerservice, requests), so it declares no dependency.
DEPENDENCIES = []

with open("README.rst", "r", encoding="utf-8") as f:
    README = f.read()
with open("HISTORY.rst", "r", encoding="utf-8") as f:
    HISTORY = f.read()

setup(
    name="streaming",
    version=VERSION,
    description="Artifact streaming from Azure Container Registry to AKS in single Azure CLI commands.",
    long_description=README + "\n\n" + HISTORY,
    long_description_content_type="text/x-rst",
    license="MIT",
    author="The streaming extension team",
    classifiers=CLASSIFIERS,
    packages=find_packages(exclude=["tests", "tests.*"]),
    package_data={"azext_streaming": ["azext_metadata.json"]},
    install_requires=DEPENDENCIES,
)
