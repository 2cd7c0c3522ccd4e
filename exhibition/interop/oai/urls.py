"""The OAI-PMH base URL (included at ``/oai``, outside the language prefix)."""

from django.urls import path

from exhibition.interop.oai import views

urlpatterns = [path("", views.endpoint, name="oai-pmh")]
