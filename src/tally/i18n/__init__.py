"""One bilingual catalogue: every message and label a board reads, Vietnamese first."""
