"""From ballots to a result: validity, the count, who is elected, open votes."""
