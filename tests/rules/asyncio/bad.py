import asyncio
#      ^^^^^^^ asyncio
import asyncio.subprocess as aproc
#      ^^^^^^^^^^^^^^^^^^ asyncio
from asyncio import Queue
#    ^^^^^^^ asyncio


async def main():
    task = asyncio.create_task(work())
    #      ^^^^^^^^^^^^^^^^^^^ asyncio
    results = await asyncio.gather(task, other())
    #               ^^^^^^^^^^^^^^ asyncio
    await asyncio.sleep(1)
    #     ^^^^^^^^^^^^^ asyncio


if __name__ == "__main__":
    asyncio.run(main())
   #^^^^^^^^^^^ asyncio
