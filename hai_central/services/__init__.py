"""The hub's rules: each module is one resource; routes stay thin and call these."""
