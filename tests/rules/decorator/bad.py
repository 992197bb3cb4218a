import functools


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


@timer
#^^^^^ decorator
def slow():
    pass


@app.route_handler
#^^^^^^^^^^^^^^^^^ decorator
@timer
#^^^^^ decorator
def index():
    pass


@register
#^^^^^^^^ decorator
class Plugin:
    @timer
    #^^^^^ decorator
    def run(self):
        pass

    @typing.overload
    #^^^^^^^^^^^^^^^ decorator
    def get(self, key: int) -> int: ...
