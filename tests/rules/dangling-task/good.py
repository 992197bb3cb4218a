import asyncio

background = set()


async def main(job, loop):
    task = asyncio.create_task(job())
    background.add(task)
    task.add_done_callback(background.discard)
    other = asyncio.ensure_future(job())
    await other
    loop.create_task(job())
    await asyncio.gather(asyncio.create_task(job()))


async def returned(job):
    return asyncio.create_task(job())


async def shared(job):
    global current
    current = asyncio.create_task(job())


async def later(job):
    pending = asyncio.create_task(job())

    async def wait():
        await pending

    return wait


# A parameter named like the alias is not asyncio's.
from asyncio import ensure_future as spawn


async def fire(spawn, job):
    spawn(job())
