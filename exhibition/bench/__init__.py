"""Measuring the site: benchmark, load and fault drills, synthetic collections."""
