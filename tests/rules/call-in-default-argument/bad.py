import datetime
import time


def log(message, when=time.time()):
#                     ^^^^^^^^^^^ call-in-default-argument
    return message, when


def connect(host, timeout=get_default_timeout(), retries=int(compute())):
#                                                            ^^^^^^^^^ call-in-default-argument
#                         ^^^^^^^^^^^^^^^^^^^^^ call-in-default-argument
    return host, timeout, retries


class Report:
    def render(self, stamp=datetime.datetime.now().isoformat()):
#                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ call-in-default-argument
#                          ^^^^^^^^^^^^^^^^^^^^^^^ call-in-default-argument
        return stamp


handler = lambda event, config=load_config(): (event, config)
#                              ^^^^^^^^^^^^^ call-in-default-argument
