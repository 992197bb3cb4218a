import asyncio
from asyncio import create_task


async def main(job):
    asyncio.create_task(job())
#           ^^^^^^^^^^^ dangling-task
    asyncio.ensure_future(job())
#           ^^^^^^^^^^^^^ dangling-task
    create_task(job())
#   ^^^^^^^^^^^ dangling-task
    task = asyncio.create_task(job())
#                  ^^^^^^^^^^^ dangling-task
    loop = asyncio.get_running_loop()
    loop.create_task(job())
#        ^^^^^^^^^^^ dangling-task


# Through import aliases.
import asyncio as aio
from asyncio import ensure_future as spawn


async def fire(job):
    aio.create_task(job())
#       ^^^^^^^^^^^ dangling-task
    spawn(job())
#   ^^^^^ dangling-task
