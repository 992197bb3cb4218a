def keyword_only(a, *, flag=False):
    return a, flag


def positional_only(a, b, /):
    return a, b


call(*items, **options)
first, *rest = [1, 2, 3]
