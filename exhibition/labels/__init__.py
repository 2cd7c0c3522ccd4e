"""Printed labels and panels (PDF) and the short addresses their QR codes carry."""
