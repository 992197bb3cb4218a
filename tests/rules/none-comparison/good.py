def check(value, result):
    if value is None:
        return "missing"
    if result is not None:
        return "present"
    return 1 == None or "text" == None
