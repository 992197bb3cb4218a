def chain(*iterables):
    for it in iterables:
        for x in it:
            yield x


from itertools import chain as from_chain
