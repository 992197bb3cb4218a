def check(x, name):
    if x is 1000:
#      ^^^^^^^^^ is-literal
        return "big"
    if name is not "admin":
#      ^^^^^^^^^^^^^^^^^^^ is-literal
        return "guest"
    return () is x
#          ^^^^^^^ is-literal
