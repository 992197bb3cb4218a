assert count > 0, "count must be positive"
assert (count > 0), "count must be positive"
assert ()
assert (a, b) == pair
assert pair
