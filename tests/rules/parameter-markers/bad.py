def connect(host, /, port=5432, *, timeout=10):
#                 ^ parameter-markers
#                               ^ parameter-markers
    return host, port, timeout


def render(template, *, autoescape=True):
#                    ^ parameter-markers
    return template


class Client:
    def request(self, method, url, /, **params):
    #                              ^ parameter-markers
        return method, url, params


key = lambda item, *, reverse=False: item
#                  ^ parameter-markers
