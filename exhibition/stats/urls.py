"""The players' beacon, outside the language prefix: a play is a play in any."""

from django.urls import path

from exhibition.stats import views

app_name = "uses"
urlpatterns = [
    path("play/<int:pk>", views.play, name="play"),
]
