"""Several app hosts: S3-compatible media and OpenSearch come from the environment only."""

from site_kazasso.settings.scaling import media_storage, search_backend


def test_local_media_and_database_search_by_default():
    assert media_storage({}) is None
    assert search_backend({}) is None


def test_media_on_an_s3_compatible_bucket():
    storage = media_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "kazasso-medias",
            "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
            "AWS_S3_REGION_NAME": "fr-par",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "kazasso-medias"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert storage["OPTIONS"]["region_name"] == "fr-par"
    assert storage["OPTIONS"]["file_overwrite"] is False


def test_search_on_opensearch():
    backend = search_backend({"OPENSEARCH_URL": "https://os1.interne:9200, https://os2.interne:9200"})
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == ["https://os1.interne:9200", "https://os2.interne:9200"]
    assert backend["INDEX_PREFIX"] == "kazasso_"
