import asyncio
import time


async def poll(client):
    while not client.ready():
        await asyncio.sleep(0.5)

    def blocking():
        time.sleep(1)

    callback = lambda: time.sleep(1)  # noqa: E731
    return blocking, callback


def wait():
    time.sleep(1)


async def other(sleeper):
    sleeper.sleep(1)
    await asyncio.sleep(0)


# A parameter or a rebinding named like the alias is not time.sleep.
from time import sleep as pause


async def wait(pause):
    pause(1)


async def wait_again():
    pause = asyncio.sleep
    await pause(1)
