from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("", views.structure_list, name="structure_list"),
    path("<slug:slug>/", views.structure_detail, name="structure_detail"),
]
