"""The audit log: hash-chained events, counting sessions, replay and verification, stations."""
