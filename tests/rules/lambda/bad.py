people.sort(key=lambda p: p.age)
#               ^^^^^^^^^^^^^^^ lambda
ordered = sorted(items, key=lambda kv: (kv[1], kv[0]))
#                           ^^^^^^^^^^^^^^^^^^^^^^^^^ lambda
handlers = {"add": lambda a, b: a + b}
#                  ^^^^^^^^^^^^^^^^^^ lambda
callbacks = [lambda: 1, lambda: 2]
#            ^^^^^^^^^ lambda
#                       ^^^^^^^^^ lambda


def make_adder(n):
    return lambda x: x + n
    #      ^^^^^^^^^^^^^^^ lambda


button.on_click = lambda event: None
#                 ^^^^^^^^^^^^^^^^^^ lambda
first = second = lambda: 0
#                ^^^^^^^^^ lambda
nested = ((lambda: 0))
#          ^^^^^^^^^ lambda


class Model:
    key: "Callable[[int], int]" = lambda x: x
    #                             ^^^^^^^^^^^ lambda
