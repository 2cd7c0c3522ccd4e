"""Measuring the site: benchmark, load and fault drills, synthetic collections."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
OUT_DIR = PROJECT / "var" / "bench"
