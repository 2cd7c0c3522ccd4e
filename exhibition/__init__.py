"""How the collection is shown: exhibitions, the public gallery, kiosks, the demo."""
