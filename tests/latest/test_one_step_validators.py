"""Unit tests of the argument rules of enable, check, show, disable and wait (before any request)."""

from types import SimpleNamespace

import pytest
from azure.cli.core.azclierror import MutuallyExclusiveArgumentError, RequiredArgumentMissingError

from azext_streaming._validators import validate_changing_command, validate_read_only_command


def namespace(**kwargs):
    values = {"registry": None, "images": None, "repositories": None, "resource_group_name": None,
              "cluster_name": None, "nodepool_names": None, "all_nodepools": False, "attach_acr": False}
    values.update(kwargs)
    return SimpleNamespace(**values)


def test_images_are_parsed_and_repositories_deduplicated():
    ns = namespace(registry="myreg", images=["app:v1", "app:v1", "team/web@sha256:" + "b" * 64],
                   repositories=["app", "app"])
    validate_changing_command(ns)
    assert [str(i) for i in ns.images] == ["app:v1", "team/web@sha256:" + "b" * 64]
    assert ns.repositories == ["app"]


def test_images_need_a_registry():
    with pytest.raises(RequiredArgumentMissingError):
        validate_changing_command(namespace(images=["app:v1"]))
    validate_changing_command(namespace(images=["myreg.azurecr.io/app:v1"]))


@pytest.mark.parametrize("kwargs,error", [
    ({}, RequiredArgumentMissingError),
    ({"registry": "myreg"}, RequiredArgumentMissingError),  # a registry alone gives enable nothing to do
    ({"resource_group_name": "rg", "cluster_name": "c"}, RequiredArgumentMissingError),  # which pools?
    ({"cluster_name": "c", "all_nodepools": True}, RequiredArgumentMissingError),  # -g missing
    ({"nodepool_names": ["np1"]}, RequiredArgumentMissingError),  # -c missing
    ({"resource_group_name": "rg", "cluster_name": "c", "nodepool_names": ["np1"], "all_nodepools": True},
     MutuallyExclusiveArgumentError),
    ({"registry": "myreg", "images": ["app:v1"], "attach_acr": True}, RequiredArgumentMissingError),
])
def test_changing_commands_refuse_incomplete_arguments(kwargs, error):
    with pytest.raises(error) as raised:
        validate_changing_command(namespace(**kwargs))
    assert raised.value.recommendations  # every refusal names the fix


def test_cluster_only_and_pools_with_attach_acr_are_fine():
    validate_changing_command(namespace(resource_group_name="rg", cluster_name="c", all_nodepools=True))
    validate_changing_command(namespace(registry="myreg", resource_group_name="rg", cluster_name="c",
                                        nodepool_names=["np1"], attach_acr=True))


def test_read_only_commands_take_the_registry_alone_or_the_cluster_alone():
    validate_read_only_command(namespace(registry="myreg"))
    validate_read_only_command(namespace(resource_group_name="rg", cluster_name="c"))
    with pytest.raises(RequiredArgumentMissingError):
        validate_read_only_command(namespace())


def test_commands_without_repositories_get_none_added():
    ns = SimpleNamespace(registry="myreg", images=["app:v1"], resource_group_name=None, cluster_name=None,
                         nodepool_names=None, all_nodepools=False)
    validate_changing_command(ns)
    assert not hasattr(ns, "repositories")
