if key not in cache:
    load(key)
both = not a in b in c
negated = not a == b
flag = (not a) in b
kept = not key not in cache
