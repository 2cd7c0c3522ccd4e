"""What the museum holds: records, people, sources, images; their admin and transfer."""
