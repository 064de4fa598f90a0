"""What a board reads and signs: document blocks and layout; minutes, summary, reports."""
