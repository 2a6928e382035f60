from azext_streaming._format import transform_images, transform_tags


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
