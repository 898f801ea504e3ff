"""Routes of the member structures' public pages, mounted at /structures/ under the "members" namespace."""

from django.urls import path

from browse import structures

urlpatterns = [
    path("", structures.structure_list, name="structure_list"),
    path("<slug:slug>/", structures.structure_detail, name="structure_detail"),
]
