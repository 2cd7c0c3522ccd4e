"""The curators' admin for the exhibition app: the museum, exhibitions and their
sections, kiosks; printing labels from them, and visitor figures."""

from django.contrib import admin

from exhibition.admin import exhibitions, kiosks, museum
from exhibition.labels.admin import install as install_printing
from exhibition.stats.admin import install as install_figures

# After the catalogue's admins (autodiscovered first) and this app's own.
install_printing(admin.site)
install_figures(admin.site)

__all__ = ["exhibitions", "kiosks", "museum"]
