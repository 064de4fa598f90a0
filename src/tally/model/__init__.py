"""The values a count is about: names, bodies, the roll, the rules, the contest and its ballots."""
