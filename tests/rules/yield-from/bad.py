def chain(*iterables):
    for it in iterables:
        yield from it
       #^^^^^^^^^^^^^ yield-from


def walk(node):
    result = yield from walk(node.left)
    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^ yield-from
    return result
