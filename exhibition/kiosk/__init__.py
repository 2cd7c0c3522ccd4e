"""The hall's touchscreens: kiosk views, URLs, the offline bundle and its version."""
