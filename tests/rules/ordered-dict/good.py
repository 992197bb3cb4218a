cache = {}
cache["a"] = 1
ordered = dict(sorted(items))
