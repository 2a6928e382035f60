import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_streaming.image_ref import parse_image, parse_repository

DIGEST = "sha256:" + "ab" * 32


@pytest.mark.parametrize("text, repository, tag, digest, login", [
    ("app", "app", "latest", None, None),
    ("app:v1", "app", "v1", None, None),
    ("jupyter/all-spark-notebook:latest", "jupyter/all-spark-notebook", "latest", None, None),
    ("team/sub/app", "team/sub/app", "latest", None, None),
    ("app@" + DIGEST, "app", None, DIGEST, None),
    ("myreg.azurecr.io/app:v1", "app", "v1", None, "myreg.azurecr.io"),
    ("MyReg.azurecr.io/team/app@" + DIGEST, "team/app", None, DIGEST, "myreg.azurecr.io"),
    ("myreg.azurecr.io:443/app:1.0-rc_1", "app", "1.0-rc_1", None, "myreg.azurecr.io:443"),
    ("  app:v1  ", "app", "v1", None, None),
])
def test_parse_accepts_documented_forms(text, repository, tag, digest, login):
    ref = parse_image(text)
    assert (ref.repository, ref.tag, ref.digest, ref.login_server) == (repository, tag, digest, login)
    assert ref.reference == (digest or tag)


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"),
    ("App:v1", "not a valid repository"),
    ("app:", "not a valid tag"),
    ("app:-x", "not a valid tag"),
    ("app@sha256:abc", "64 lower-case hex"),
    ("app@md5:" + "a" * 32, "64 lower-case hex"),
    ("myreg.azurecr.io/", "repository name is missing"),
    ("bad_host.io/app", "not a valid registry login server"),
    ("app//x", "not a valid repository"),
])
def test_parse_rejects_malformed_references_with_the_fix(text, fragment):
    with pytest.raises(InvalidArgumentValueError) as error:
        parse_image(text)
    assert fragment in str(error.value)
    assert "repo:tag" in error.value.recommendations[0]


def test_str_round_trips_without_login_server():
    assert str(parse_image("myreg.azurecr.io/app")) == "app:latest"
    assert str(parse_image("app@" + DIGEST)) == "app@" + DIGEST


def test_equal_references_compare_equal_so_duplicates_collapse():
    assert parse_image("app") == parse_image("app:latest")


def test_parse_repository():
    assert parse_repository(" team/app ") == "team/app"
    with pytest.raises(InvalidArgumentValueError):
        parse_repository("app:v1")
