import threading

pool = make_executor()
future = pool.submit(fetch, "url")
result = future.result()
