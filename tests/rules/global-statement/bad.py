counter = 0
cache = {}


def increment():
    global counter
#          ^^^^^^^ global-statement
    counter += 1


def reset():
    global counter, cache
#                   ^^^^^ global-statement
    cache = {}


def install():
    global json
#          ^^^^ global-statement
    import json
