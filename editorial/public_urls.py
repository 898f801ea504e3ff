"""The editorial workflow's one public URL: /apercu/<token>/, a draft preview link."""

from django.urls import path

from editorial.sharing import shared_preview

urlpatterns = [path("<str:token>/", shared_preview, name="editorial_shared_preview")]
