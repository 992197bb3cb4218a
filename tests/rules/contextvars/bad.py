import contextvars
#      ^^^^^^^^^^^ contextvars
from contextvars import ContextVar
#    ^^^^^^^^^^^ contextvars

request_id = contextvars.ContextVar("request_id", default=None)
#            ^^^^^^^^^^^^^^^^^^^^^^ contextvars
user = ContextVar("user")
#      ^^^^^^^^^^ contextvars
ctx = contextvars.copy_context()
#     ^^^^^^^^^^^^^^^^^^^^^^^^ contextvars
