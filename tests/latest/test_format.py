from azext_streaming._format import transform_findings, transform_images, transform_streaming, transform_tags


def test_image_rows_keep_order_and_shorten_digests():
    rows = transform_images({"images": [{"image": "app:v1", "status": "Succeeded", "digest": "sha256:" + "a" * 64,
                                         "operationId": "op", "details": None}]})
    assert list(rows[0]) == ["Image", "Status", "Digest", "OperationId", "Details"]
    assert rows[0]["Digest"] == "sha256:aaaaaaaaaaaa..."


def test_tag_rows():
    rows = transform_tags([{"tag": "v1", "streaming": True, "status": "Succeeded", "digest": "sha256:1",
                            "lastUpdateTime": "t"}])
    assert rows == [{"Tag": "v1", "Streaming": True, "Status": "Succeeded", "Digest": "sha256:1",
                     "LastUpdate": "t"}]


def test_streaming_rows_one_per_image_repository_pool_and_grant():
    rows = transform_streaming({
        "images": [{"image": "app:v1", "status": "Failed", "operationId": "op", "details": "UNSUPPORTED_PLATFORM"}],
        "repositories": [{"repository": "app", "convertPushedImages": True}],
        "nodepools": [{"name": "win1", "status": "Skipped", "reason": "Windows pool"}],
        "acrPull": {"status": "Granted", "role": "AcrPull", "reason": None}})
    assert [(r["Kind"], r["Name"], r["Status"], r["Detail"]) for r in rows] == [
        ("image", "app:v1", "Failed", "UNSUPPORTED_PLATFORM"), ("repository", "app", "AutoConvertOn", None),
        ("nodepool", "win1", "Skipped", "Windows pool"), ("acrPull", "AcrPull", "Granted", None)]


def test_streaming_rows_leave_out_an_unchecked_grant():
    assert transform_streaming({"images": [], "acrPull": {"status": "NotChecked", "reason": None}}) == []


def test_finding_rows():
    rows = transform_findings({"findings": [{"severity": "error", "code": "RegistryNotPremium", "message": "m",
                                             "fix": "az acr update -n r --sku Premium"}]})
    assert list(rows[0]) == ["Severity", "Code", "Message", "Fix"]
    assert rows[0]["Code"] == "RegistryNotPremium"
