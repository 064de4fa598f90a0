"""The entry station: one contest's ballots entered at one station on congress day (issue 14)."""
