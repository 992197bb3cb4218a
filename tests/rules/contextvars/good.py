import threading

local = threading.local()
var = context.ContextVar("x")
