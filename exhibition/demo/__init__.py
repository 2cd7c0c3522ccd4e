"""The shipped demo: its exhibitions as TOML data, their loader, placeholder images."""
