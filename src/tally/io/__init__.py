"""Files in and out: the TOML spec, ballots CSV, results JSON, pandas frames."""
