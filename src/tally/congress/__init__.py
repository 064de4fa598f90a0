"""A whole congress: the order of its elections, its plan, its run, composition and nominations."""
