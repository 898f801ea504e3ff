from django.urls import path

from alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("envoye/", views.sent, name="sent"),
    path("confirmer/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.manage, name="manage"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
