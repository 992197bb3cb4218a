import collections


def add_item(item, bucket=[]):
#                         ^^ mutable-default-argument
    bucket.append(item)
    return bucket


def configure(name, options: dict = {}, seen=set(), *, cache={1: 2}):
#                                   ^^ mutable-default-argument
#                                            ^^^^^ mutable-default-argument
#                                                            ^^^^^^ mutable-default-argument
    return name


class Registry:
    def register(self, items=[x for x in range(3)], index=collections.defaultdict(list)):
#                            ^^^^^^^^^^^^^^^^^^^^^ mutable-default-argument
#                                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable-default-argument
        pass


async def fetch(urls=list()):
#                    ^^^^^^ mutable-default-argument
    return urls
