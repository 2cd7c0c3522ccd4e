"""Kiosk screens, outside the language prefix: a kiosk switches language itself."""

app_name = "kiosk"
urlpatterns = []
