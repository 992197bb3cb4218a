@retry(3)
#^^^^^^^^ decorator-factory
def fetch():
    pass


@app.route("/users/<int:user_id>", methods=["GET"])
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ decorator-factory
@functools.wraps(other)
#^^^^^^^^^^^^^^^^^^^^^^ decorator-factory
def user(user_id):
    pass


class Service:
    @cache_for(seconds=60)
    #^^^^^^^^^^^^^^^^^^^^^ decorator-factory
    def lookup(self, key):
        return key


@register("plugin")
#^^^^^^^^^^^^^^^^^^ decorator-factory
class Plugin:
    pass
