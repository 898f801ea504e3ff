"""Production settings for growing past one machine, each switched on by its environment variables.

S3-compatible media (django-storages) and OpenSearch (Wagtail's search backend) need the extra
packages of requirements-scaling.txt; nothing here is imported until its variable is set.
See deploy/README.md, « Passer à plusieurs serveurs ».
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def media_storage(env: Mapping[str, str]) -> dict[str, Any] | None:
    """The default storage on an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": False,
    }
    for variable, option in (
        ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
        ("AWS_S3_REGION_NAME", "region_name"),
        ("AWS_S3_CUSTOM_DOMAIN", "custom_domain"),
        ("AWS_LOCATION", "location"),
    ):
        if env.get(variable, "").strip():
            options[option] = env[variable].strip()
    # Credentials: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment.
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def search_backend(env: Mapping[str, str]) -> dict[str, Any] | None:
    """Wagtail's OpenSearch backend when OPENSEARCH_URL is set (comma-separated URLs)."""
    urls = [u.strip() for u in env.get("OPENSEARCH_URL", "").split(",") if u.strip()]
    if not urls:
        return None
    return {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": urls,
        "INDEX_PREFIX": env.get("OPENSEARCH_INDEX_PREFIX", "kazasso_").strip(),
        "TIMEOUT": int(env.get("OPENSEARCH_TIMEOUT", "10")),
    }
