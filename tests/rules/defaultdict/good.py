groups = {}
for key, value in pairs:
    groups.setdefault(key, []).append(value)
