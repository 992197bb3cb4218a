import threading

import contextvars

worker = threading.Thread(target=run)
request_id = contextvars.ContextVar("request_id")
local = {}
value = local.get("key")
settings = config.local()


class Worker(threading.Thread):
    pass
