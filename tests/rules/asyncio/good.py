import trio
from myproject.asyncio import helpers


async def main():
    await trio.sleep(1)
    loop.run_until_complete(main())
    asyncio_like.run(main())
