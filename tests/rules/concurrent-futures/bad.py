import concurrent.futures
#      ^^^^^^^^^^^^^^^^^^ concurrent-futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
#    ^^^^^^^^^^^^^^^^^^ concurrent-futures

with ThreadPoolExecutor(max_workers=4) as pool:
#    ^^^^^^^^^^^^^^^^^^ concurrent-futures
    futures = [pool.submit(fetch, url) for url in urls]

with concurrent.futures.ProcessPoolExecutor() as pool:
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ concurrent-futures
    results = list(pool.map(square, range(10)))
