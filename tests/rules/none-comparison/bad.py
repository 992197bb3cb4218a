def check(value, result):
    if value == None:
#               ^^^^ none-comparison
        return "missing"
    if None != result:
#      ^^^^ none-comparison
        return "present"
    return [v for v in result if v != None]
#                                     ^^^^ none-comparison
