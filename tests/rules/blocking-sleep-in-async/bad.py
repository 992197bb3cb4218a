import time
from time import sleep


async def poll(client):
    while not client.ready():
        time.sleep(0.5)
#       ^^^^^^^^^^ blocking-sleep-in-async
    sleep(1)
#   ^^^^^ blocking-sleep-in-async
    values = [time.sleep(0) for _ in range(2)]
#             ^^^^^^^^^^ blocking-sleep-in-async
    return values


# Through import aliases.
from time import sleep as pause
import time as t


async def backoff():
    pause(1)
#   ^^^^^ blocking-sleep-in-async
    t.sleep(1)
#   ^^^^^^^ blocking-sleep-in-async
