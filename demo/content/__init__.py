"""French demonstration fiches, grouped by subject so that each module stays readable."""
