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
