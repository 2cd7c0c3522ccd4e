"""The curators' admin for the exhibition app: the museum, exhibitions and their
sections, kiosks; hanging records from their own pages, printing labels from
them, and visitor figures."""

from django.contrib import admin

from exhibition.admin import exhibitions, kiosks, museum
from exhibition.admin.hanging import install as install_hanging
from exhibition.labels.admin import install as install_printing
from exhibition.stats.admin import install as install_figures

# After the catalogue's admins (autodiscovered first) and this app's own.
install_hanging(admin.site)
install_printing(admin.site)
install_figures(admin.site)

__all__ = ["exhibitions", "kiosks", "museum"]
